namespace ManageIQ.OpenScap.Contracts.Leadership;

/// <summary>
/// What every guard's lease shares: the <see cref="Lost"/> token, on the guard's clock; the loop that keeps the lease
/// (<see cref="Keep"/>), which ends with it; and a release that runs once. Callbacks registered on
/// <see cref="Lost"/> must not throw: they may run on a timer.
/// </summary>
public abstract class ActiveLease : IActiveLease
{
    private readonly CancellationTokenSource lost;
    private Task keeping = Task.CompletedTask;
    private int released;

    protected ActiveLease(string holderIdentity, string resource, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(holderIdentity);
        ArgumentException.ThrowIfNullOrEmpty(resource);
        HolderIdentity = holderIdentity;
        Resource = resource;
        lost = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        Lost = lost.Token;
    }

    public string HolderIdentity { get; }

    public string Resource { get; }

    public CancellationToken Lost { get; }

    public bool IsHeld => !Lost.IsCancellationRequested;

    /// <summary>True once <see cref="DisposeAsync"/> began: <see cref="Lost"/> fires, or fired, because of a release.</summary>
    protected bool IsReleased => Volatile.Read(ref released) == 1;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref released, 1) == 1)
        {
            return;
        }

        var wasHeld = IsHeld;
        try
        {
            await lost.CancelAsync().ConfigureAwait(false);
            await keeping.ConfigureAwait(false);
            await ReleaseAsync(wasHeld).ConfigureAwait(false);
        }
        finally
        {
            lost.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Runs <paramref name="loop"/> (renewal, checks) with a token that fires when the lease is lost or released; the
    /// release waits for it to end. The loop must handle its own failures and end quietly on that token.
    /// </summary>
    protected void Keep(Func<CancellationToken, Task> loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        keeping = loop(Lost);
    }

    /// <summary>Cancels <see cref="Lost"/> now.</summary>
    protected void Lose()
    {
        if (!IsReleased)
        {
            lost.Cancel();
        }
    }

    /// <summary>Cancels <see cref="Lost"/> after <paramref name="delay"/> on the guard's clock, unless called again first; at once when it is not positive.</summary>
    protected void LoseAfter(TimeSpan delay)
    {
        if (IsReleased)
        {
            return;
        }

        if (delay <= TimeSpan.Zero)
        {
            lost.Cancel();
        }
        else
        {
            lost.CancelAfter(delay);
        }
    }

    /// <summary>
    /// Gives the lease up, so a successor need not wait for it to expire; the loop of <see cref="Keep"/> has ended.
    /// <paramref name="wasHeld"/> is false when it had been lost already. Must not throw.
    /// </summary>
    protected abstract ValueTask ReleaseAsync(bool wasHeld);
}
