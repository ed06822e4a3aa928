using System.Globalization;
using System.Runtime.CompilerServices;
using ManageIQ.OpenScap.ManageIq.Http;
using ManageIQ.OpenScap.ManageIq.Querying;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace ManageIQ.OpenScap.ManageIq;

/// <summary>
/// The <see cref="IManageIqClient"/> over ManageIQ's REST API. One instance per appliance (singleton): it
/// holds the API token; HTTP connections come from <see cref="IHttpClientFactory"/> per request.
/// </summary>
public sealed partial class ManageIqClient : IManageIqClient, IDisposable
{
    private readonly ManageIqConnection _connection;

    internal ManageIqClient(ManageIqConnection connection)
    {
        _connection = connection;
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>Pages a collection with offset/limit until ManageIQ's <c>links.next</c> runs out.</summary>
    private async IAsyncEnumerable<T> PageAsync<T>(string path, IReadOnlyList<KeyValuePair<string, string>> query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = _connection.PageSize;
        var offset = 0;
        while (true)
        {
            var request = new ApiRequest(Method.Get, path, QueryBuilder.Page(query, offset, limit));
            var page = await _connection.SendAsync<CollectionPage<T>>(request, cancellationToken);
            var resources = page.Resources
                ?? throw new Errors.ManageIqResponseException($"{request.Describe} answered without a resources array.") { Request = request.Describe };
            foreach (var resource in resources)
            {
                yield return resource;
            }

            offset += resources.Count;
            var total = page.SubqueryCount ?? page.Count ?? 0;
            if (resources.Count == 0 || offset >= total || page.Links?.Next is null)
            {
                yield break;
            }
        }
    }

    /// <summary>The first member of a collection with this exact name, or null.</summary>
    private async Task<T?> FindByNameAsync<T>(string collection, string name, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var query = new QueryBuilder().ExpandResources().Filter(FilterValue.Equal("name", name)).Build();
        await foreach (var item in PageAsync<T>($"api/{collection}", query, cancellationToken))
        {
            return item;
        }

        return null;
    }

    private async Task<JToken?> PostAsync(string path, JObject body, CancellationToken cancellationToken) =>
        await _connection.SendAsync(ApiRequest.Post(path, body), cancellationToken);

    /// <summary>The first of a POST's results as a model.</summary>
    private async Task<T> CreateAsync<T>(string path, JObject resource, CancellationToken cancellationToken)
    {
        var request = ApiRequest.Post(path, new JObject { ["action"] = "create", ["resource"] = resource });
        var results = Json.Results(await _connection.SendAsync(request, cancellationToken), request.Describe);
        return Json.To<T>(results.FirstOrDefault(), request.Describe);
    }

    /// <summary>ManageIQ's <c>edit</c> action on one resource, answered with the edited resource.</summary>
    private async Task<T> EditAsync<T>(string collection, long id, JObject resource, CancellationToken cancellationToken)
    {
        var request = ApiRequest.Post($"api/{collection}/{Id(id)}", new JObject { ["action"] = "edit", ["resource"] = resource });
        return Json.To<T>(await _connection.SendAsync(request, cancellationToken), request.Describe);
    }

    private string Href(string collection, long id) => new Uri(_connection.Root, $"api/{collection}/{Id(id)}").ToString();

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
