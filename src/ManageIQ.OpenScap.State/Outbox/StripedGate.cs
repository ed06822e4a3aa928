namespace ManageIQ.OpenScap.State.Outbox;

/// <summary>
/// Serialises deliveries of one image inside the process with a fixed set of locks chosen by image id, so two
/// deliveries of an image never interleave and memory stays bounded however many images there are.
/// </summary>
internal sealed class StripedGate : IDisposable
{
    private readonly SemaphoreSlim[] _stripes;

    public StripedGate(int stripes)
    {
        _stripes = [.. Enumerable.Range(0, stripes).Select(_ => new SemaphoreSlim(1, 1))];
    }

    public async Task<IDisposable> EnterAsync(long key, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((ulong)key % (ulong)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    public void Dispose()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
        }
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private SemaphoreSlim? _stripe = stripe;

        public void Dispose() => Interlocked.Exchange(ref _stripe, null)?.Release();
    }
}
