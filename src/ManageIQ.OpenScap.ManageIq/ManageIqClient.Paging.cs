using System.Runtime.CompilerServices;
using ManageIQ.OpenScap.ManageIq.Http;
using ManageIQ.OpenScap.ManageIq.Querying;
using RestSharp;

namespace ManageIQ.OpenScap.ManageIq;

/// <summary>Collections: offset/limit paging with one page of read-ahead.</summary>
public sealed partial class ManageIqClient
{
    /// <summary>
    /// Pages a collection with offset/limit until ManageIQ's <c>links.next</c> runs out. With read-ahead (the
    /// default), as soon as a page's counts show that another page follows, that page is requested, so the
    /// appliance prepares it while this one is still arriving and being consumed. Never more than one page
    /// ahead; a read-ahead that <c>links.next</c> does not confirm is cancelled; a read-ahead's failure is
    /// thrown when the consumer reaches that page; abandoning the listing cancels the read-ahead.
    /// </summary>
    private async IAsyncEnumerable<T> PageAsync<T>(string path, IReadOnlyList<KeyValuePair<string, string>> query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var readAhead = _connection.ReadAhead;
        var offset = 0;
        var current = FetchPage<T>(path, query, offset, cancellationToken);
        PageFetch<T>? ahead = null;
        try
        {
            while (true)
            {
                if (readAhead && await current.NextOffset is { } predicted)
                {
                    ahead = FetchPage<T>(path, query, predicted, cancellationToken);
                }

                var page = await current.Page;
                var resources = page.Resources!;
                offset += resources.Count;
                var total = page.SubqueryCount ?? page.Count ?? 0;
                var more = resources.Count > 0 && offset < total && page.Links?.Next is not null;
                if (ahead is not null && (!more || ahead.Offset != offset))
                {
                    await ahead.DisposeAsync();
                    ahead = null;
                }

                if (more && readAhead)
                {
                    ahead ??= FetchPage<T>(path, query, offset, cancellationToken);
                }

                foreach (var resource in resources)
                {
                    yield return resource;
                }

                if (!more)
                {
                    yield break;
                }

                await current.DisposeAsync();
                current = ahead ?? FetchPage<T>(path, query, offset, cancellationToken);
                ahead = null;
            }
        }
        finally
        {
            if (ahead is not null)
            {
                await ahead.DisposeAsync();
            }

            await current.DisposeAsync();
        }
    }

    /// <summary>Starts the GET of one page, read member by member as it arrives.</summary>
    private PageFetch<T> FetchPage<T>(string path, IReadOnlyList<KeyValuePair<string, string>> query, int offset, CancellationToken cancellationToken) =>
        new(offset, async (countsKnown, token) =>
        {
            var request = new ApiRequest(Method.Get, path, QueryBuilder.Page(query, offset, _connection.PageSize));
            var page = await _connection.SendAsync(request, text => CollectionPageReader.Read<T>(text, request.Describe, countsKnown), token);
            return page.Resources is null
                ? throw new Errors.ManageIqResponseException($"{request.Describe} answered without a resources array.") { Request = request.Describe }
                : page;
        }, cancellationToken);
}
