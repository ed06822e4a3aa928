using ManageIQ.OpenScap.Service.Discovery;
using ManageIQ.OpenScap.Service.Dispatch;
using ManageIQ.OpenScap.Service.Logging;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ManageIQ.OpenScap.Service.Scheduling;

/// <summary>The discovery schedule's job: one <see cref="ImageDiscovery.DiscoverAsync"/> pass, then the dispatcher woken.</summary>
[DisallowConcurrentExecution]
public sealed class DiscoveryJob(ImageDiscovery discovery, ImageCatalog catalog, ScheduleRegistrar schedules, DispatchSignal signal, ILogger<DiscoveryJob> logger) : IJob
{
    public static readonly JobKey Key = new("discovery", "bridge");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var report = await discovery.DiscoverAsync(cancellationToken).ConfigureAwait(false);
            if (report.Queued > 0)
            {
                signal.Wake();
            }

            await schedules.SyncFullScansAsync(catalog.Providers, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next firing tries again; a failed pass must not unschedule the job.
            Log.DiscoveryFailed(logger, e.Message);
        }
    }
}
