namespace ManageIQ.OpenScap.Contracts.Leadership;

/// <summary>What every guard shares: one lease at a time, <see cref="IsHeld"/>, and a release of a forgotten lease at disposal.</summary>
public abstract class ActiveGuard : IActiveGuard, IAsyncDisposable
{
    private IActiveLease? current;
    private int acquiring;

    protected ActiveGuard(string identity)
    {
        ArgumentException.ThrowIfNullOrEmpty(identity);
        Identity = identity;
    }

    public string Identity { get; }

    public bool IsHeld => Volatile.Read(ref current)?.IsHeld == true;

    public async Task<IActiveLease> AcquireAsync(CancellationToken cancellationToken)
    {
        if (IsHeld)
        {
            throw new InvalidOperationException($"{Identity} already holds {current!.Resource}; dispose that lease before acquiring again.");
        }

        if (Interlocked.Exchange(ref acquiring, 1) == 1)
        {
            throw new InvalidOperationException("Another AcquireAsync call is already waiting on this guard.");
        }

        try
        {
            var lease = await AcquireCoreAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref current, lease);
            return lease;
        }
        finally
        {
            Volatile.Write(ref acquiring, 0);
        }
    }

    /// <summary>Releases a lease still held when the process stops without having disposed it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref current, null) is { } lease)
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Waits until this replica holds the guard; the lease returned is held.</summary>
    protected abstract Task<IActiveLease> AcquireCoreAsync(CancellationToken cancellationToken);
}
