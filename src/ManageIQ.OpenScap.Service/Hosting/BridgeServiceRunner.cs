using ManageIQ.OpenScap.Control.Registration;
using ManageIQ.OpenScap.Service.Dispatch;
using ManageIQ.OpenScap.Service.Logging;
using ManageIQ.OpenScap.Service.Scheduling;
using ManageIQ.OpenScap.State.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using ManageIQ.OpenScap.Service.Waivers;

namespace ManageIQ.OpenScap.Service.Hosting;

/// <summary>
/// The one place the service's work starts: it waits for every <see cref="IServiceStartGate"/> (the probe of
/// ManageIQ, then the single-active guard), queues again the scans a stop cut off, registers the Control profiles
/// (<c>Bridge:Policies:RegisterOnStart</c>, then <c>AssignTo</c>; a failure is logged), puts discovery and the full scans
/// on the scheduler, and runs the dispatcher, the outbox delivery and the waiver watch until the host stops. A gate that refuses stops
/// the application with its reason. When a gate closes again (the lease is lost) new work stops at once, the scans in
/// flight get their grace, and the application stops; the verb's exit code says which (<see cref="Stop"/>).
/// </summary>
public sealed class BridgeServiceRunner(
    IEnumerable<IServiceStartGate> gates,
    IScanQueue queue,
    PolicyStartupRegistration policies,
    ScheduleRegistrar schedules,
    ISchedulerFactory schedulers,
    ScanDispatcher dispatcher,
    OutboxDelivery outbox,
    WaiverWatch waivers,
    IHostApplicationLifetime lifetime,
    ILogger<BridgeServiceRunner> logger) : BackgroundService
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the gates opened and the work started.</summary>
    public Task Started => _started.Task;

    /// <summary>Why the work ended; <see cref="ServiceStop.Requested"/> while it runs.</summary>
    public ServiceStop Stop { get; private set; }

    /// <summary>The one line a refusing gate gave.</summary>
    public string? Refusal { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var closed = new List<CancellationToken> { stoppingToken };
        try
        {
            // A refusal stops the application; before the host has started (Kestrel bound) that would fail the start itself.
            await HostStartedAsync(stoppingToken).ConfigureAwait(false);
            foreach (var gate in gates)
            {
                Log.WaitingForGate(logger, gate.Name);
                closed.Add(await gate.WaitOpenAsync(stoppingToken).ConfigureAwait(false));
            }
        }
        catch (ServiceStartRefusedException e)
        {
            Refusal = e.Message;
            Stop = ServiceStop.Refused;
            Log.StartRefused(logger, e.Message);
            _started.TrySetException(e);
            lifetime.StopApplication();
            return;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _started.TrySetCanceled(stoppingToken);
            return;
        }

        using var work = CancellationTokenSource.CreateLinkedTokenSource([.. closed]);
        try
        {
            await queue.RequeueInFlightAsync(work.Token).ConfigureAwait(false);

            // Before the first discovery, so that the assigned mode sees a profile AssignTo assigns; its failures are logged, never thrown.
            await policies.RunAsync(work.Token).ConfigureAwait(false);
            await schedules.ScheduleDiscoveryAsync(work.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            // Stopped, or the lease was lost, before the work began: told below.
        }

        if (!work.IsCancellationRequested)
        {
            Log.ServiceStarted(logger);
            _started.TrySetResult();
            await Task.WhenAll(dispatcher.RunAsync(work.Token), outbox.RunAsync(work.Token), waivers.RunAsync(work.Token)).ConfigureAwait(false);
        }

        if (!stoppingToken.IsCancellationRequested)
        {
            // A gate closed: nothing more may be discovered, scheduled or published by this replica.
            Stop = ServiceStop.LeaseLost;
            Log.GateClosed(logger);
            _started.TrySetCanceled(CancellationToken.None);
            await (await schedulers.GetScheduler(CancellationToken.None).ConfigureAwait(false)).Standby(CancellationToken.None).ConfigureAwait(false);
            lifetime.StopApplication();
        }
        else
        {
            _started.TrySetCanceled(stoppingToken);
        }
    }

    private async Task HostStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
    }
}
