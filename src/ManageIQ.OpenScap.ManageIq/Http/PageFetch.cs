namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>
/// One page of a listing being fetched in the background: the page itself, and as soon as its counts have
/// been read the offset of the page after it (by ManageIQ's <c>links.next</c> rule), so that page can be
/// requested while this one is still arriving. Disposing it cancels a fetch still running and waits for it,
/// so nothing outlives the listing and a failure nobody reached is dropped with it.
/// </summary>
internal sealed class PageFetch<T> : IAsyncDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly TaskCompletionSource<int?> _nextOffset = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _disposed;

    /// <param name="offset">The page's offset.</param>
    /// <param name="fetch">Sends the GET and reads the page, reporting its counts when they are read.</param>
    /// <param name="cancellationToken">The listing's token.</param>
    public PageFetch(int offset, Func<Action<PageCounts>, CancellationToken, Task<CollectionPage<T>>> fetch, CancellationToken cancellationToken)
    {
        Offset = offset;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Page = FetchAsync(fetch);
    }

    public int Offset { get; }

    /// <summary>The page; its failure is thrown where the listing awaits it.</summary>
    public Task<CollectionPage<T>> Page { get; }

    /// <summary>The offset of the next page as the counts predict it; null when they do not, or the fetch ended without them.</summary>
    public Task<int?> NextOffset => _nextOffset.Task;

    private async Task<CollectionPage<T>> FetchAsync(Func<Action<PageCounts>, CancellationToken, Task<CollectionPage<T>>> fetch)
    {
        try
        {
            return await fetch(counts => _nextOffset.TrySetResult(counts.NextOffset(Offset)), _cancel.Token);
        }
        finally
        {
            _nextOffset.TrySetResult(null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!Page.IsCompleted)
        {
            await _cancel.CancelAsync();
        }

        await ((Task)Page).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _cancel.Dispose();
    }
}
