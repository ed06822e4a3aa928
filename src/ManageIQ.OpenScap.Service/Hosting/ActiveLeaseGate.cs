using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.Service.Logging;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Service.Hosting;

/// <summary>
/// The single-active guard as a start gate: the service's work waits until this replica holds the Lease (or the file
/// lock) and stops when it is lost. The lease is released when the host's services are disposed, after the work
/// stopped, so a successor takes over without waiting for it to expire.
/// </summary>
public sealed class ActiveLeaseGate(IActiveGuard guard, ILogger<ActiveLeaseGate> logger) : IServiceStartGate, IActiveTerm, IAsyncDisposable
{
    private readonly TaskCompletionSource<CancellationToken> _active = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IActiveLease? _lease;
    private int _releasing;

    public string Name => "the single-active guard";

    public async Task<CancellationToken> WaitOpenAsync(CancellationToken cancellationToken)
    {
        Log.WaitingForLease(logger, guard.Identity);
        var lease = await guard.AcquireAsync(cancellationToken).ConfigureAwait(false);
        _lease = lease;
        Log.LeaseHeld(logger, lease.Resource, lease.HolderIdentity);
        lease.Lost.Register(() =>
        {
            // A release at the stop cancels Lost too: only a loss is worth a warning.
            if (Volatile.Read(ref _releasing) == 0)
            {
                Log.LeaseLost(logger, lease.Resource);
            }
        });
        _active.TrySetResult(lease.Lost);
        return lease.Lost;
    }

    public Task<CancellationToken> WaitActiveAsync(CancellationToken cancellationToken) => _active.Task.WaitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _releasing, 1);
        _active.TrySetCanceled();
        if (Interlocked.Exchange(ref _lease, null) is { } lease)
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
    }
}
