using ManageIQ.OpenScap.Service.Dispatch;
using ManageIQ.OpenScap.Service.Logging;
using ManageIQ.OpenScap.Service.Scheduling;
using ManageIQ.OpenScap.State.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Service.Hosting;

/// <summary>
/// The one place the service's work starts: it waits for every <see cref="IServiceStartGate"/>, queues again the
/// scans a stop cut off, puts discovery and the full scans on the scheduler, and runs the dispatcher and the
/// outbox delivery until the host stops.
/// </summary>
public sealed class BridgeServiceRunner(
    IEnumerable<IServiceStartGate> gates,
    IScanQueue queue,
    ScheduleRegistrar schedules,
    ScanDispatcher dispatcher,
    OutboxDelivery outbox,
    ILogger<BridgeServiceRunner> logger) : BackgroundService
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the gates opened and the work started.</summary>
    public Task Started => _started.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var gate in gates)
        {
            Log.WaitingForGate(logger, gate.Name);
            await gate.WaitOpenAsync(stoppingToken).ConfigureAwait(false);
        }

        await queue.RequeueInFlightAsync(stoppingToken).ConfigureAwait(false);
        await schedules.ScheduleDiscoveryAsync(stoppingToken).ConfigureAwait(false);
        Log.ServiceStarted(logger);
        _started.TrySetResult();
        await Task.WhenAll(dispatcher.RunAsync(stoppingToken), outbox.RunAsync(stoppingToken)).ConfigureAwait(false);
    }
}
