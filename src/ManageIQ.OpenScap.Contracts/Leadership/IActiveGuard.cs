namespace ManageIQ.OpenScap.Contracts.Leadership;

/// <summary>
/// Makes this bridge the only active one: a Kubernetes Lease in a cluster, an exclusive file lock in the state
/// directory otherwise. Only the holder discovers, dispatches, sweeps orphans and publishes; another replica waits in
/// <see cref="AcquireAsync"/>.
/// </summary>
public interface IActiveGuard
{
    /// <summary>This replica's identity, as written into the Lease or the lock file.</summary>
    string Identity { get; }

    /// <summary>True while a lease taken from this guard is held: what <c>/readyz</c> asks.</summary>
    bool IsHeld { get; }

    /// <summary>Who held the guard at this replica's last try while it waited; null when not known (or not waiting).</summary>
    string? Holder { get; }

    /// <summary>
    /// Waits until this replica is the active one and returns its lease. One lease at a time: call it again only
    /// after the previous lease was lost or disposed.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired while waiting.</exception>
    /// <exception cref="InvalidOperationException">A lease from this guard is still held, or another call is waiting.</exception>
    Task<IActiveLease> AcquireAsync(CancellationToken cancellationToken);
}
