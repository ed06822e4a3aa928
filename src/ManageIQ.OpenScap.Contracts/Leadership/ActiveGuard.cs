namespace ManageIQ.OpenScap.Contracts.Leadership;

/// <summary>
/// What every guard shares: the wait (one try every <c>Bridge:Leadership:RetryPeriod</c>, which a failed try never
/// ends), one lease at a time, <see cref="IsHeld"/>, and the release of a forgotten lease at disposal.
/// </summary>
public abstract class ActiveGuard : IActiveGuard, IAsyncDisposable
{
    private readonly TimeSpan retryPeriod;
    private readonly TimeProvider time;
    private IActiveLease? current;
    private string? holder;
    private int acquiring;

    protected ActiveGuard(string identity, TimeSpan retryPeriod, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(identity);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retryPeriod, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        Identity = identity;
        this.retryPeriod = retryPeriod;
        this.time = time;
    }

    public string Identity { get; }

    public bool IsHeld => Volatile.Read(ref current)?.IsHeld == true;

    public string? Holder => IsHeld ? null : Volatile.Read(ref holder);

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
            var lease = await WaitAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>One try: take the guard now if it is free, without waiting.</summary>
    protected abstract Task<AcquireAttempt> TryAcquireAsync(CancellationToken cancellationToken);

    /// <summary>Another holder was seen; called once per holder, since a standby may wait for days.</summary>
    protected abstract void OnWaiting(string holder);

    /// <summary>A try threw; <paramref name="failuresInARow"/> is 1 for the first of a streak (worth a warning).</summary>
    protected abstract void OnTryFailed(int failuresInARow, Exception exception);

    private async Task<IActiveLease> WaitAsync(CancellationToken cancellationToken)
    {
        string? reported = null;
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var attempt = await TryAcquireAsync(cancellationToken).ConfigureAwait(false);
                failures = 0;
                if (attempt.Holder is not null)
                {
                    Volatile.Write(ref holder, attempt.Holder);
                }

                if (attempt.Lease is { } lease)
                {
                    return lease;
                }

                if (attempt.Holder is { } seen && !string.Equals(seen, reported, StringComparison.Ordinal))
                {
                    reported = seen;
                    OnWaiting(seen);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                OnTryFailed(++failures, ex);
            }

            await Task.Delay(retryPeriod, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
