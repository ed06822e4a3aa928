using System.Globalization;
using ManageIQ.OpenScap.Service.Configuration;
using ManageIQ.OpenScap.Service.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace ManageIQ.OpenScap.Service.Scheduling;

/// <summary>
/// Puts the schedules on the Quartz scheduler once the service may work: discovery every
/// <c>Bridge:Discovery:Interval</c> (first at once), and a full scan per provider on its cron in
/// <c>Bridge:FullScan:TimeZone</c>. Providers come and go, so <see cref="SyncFullScansAsync"/> runs after each discovery.
/// </summary>
public sealed class ScheduleRegistrar(ISchedulerFactory schedulers, IOptionsMonitor<ServiceOptions> options, ILogger<ScheduleRegistrar> logger)
{
    private const string Group = "bridge";

    public async Task ScheduleDiscoveryAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobBuilder.Create<DiscoveryJob>().WithIdentity(DiscoveryJob.Key).StoreDurably().Build();
        var interval = options.CurrentValue.Discovery.Interval;
        var trigger = TriggerBuilder.Create()
            .WithIdentity("discovery", Group)
            .ForJob(job)
            .StartNow()
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever())
            .Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
        await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken).ConfigureAwait(false);
        Log.Scheduled(logger, "discovery", interval);
    }

    /// <summary>Exactly one full-scan trigger per provider in <paramref name="providers"/>.</summary>
    public async Task SyncFullScansAsync(IReadOnlyCollection<long> providers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        if (!await scheduler.Exists(FullScanJob.Key, cancellationToken).ConfigureAwait(false))
        {
            await scheduler.AddJob(JobBuilder.Create<FullScanJob>().WithIdentity(FullScanJob.Key).StoreDurably().Build(), AddJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
        }

        var current = options.CurrentValue;
        ServiceOptionsValidator.TryTimeZone(current.FullScan.TimeZone, out var zone);
        foreach (var provider in providers)
        {
            var key = new TriggerKey("full-scan-" + provider.ToString(CultureInfo.InvariantCulture), Group);
            if (await scheduler.Exists(key, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var cron = ScanLimitsFactory.Override(current, provider)?.Cron ?? current.FullScan.Cron;
            var trigger = TriggerBuilder.Create()
                .WithIdentity(key)
                .ForJob(FullScanJob.Key)
                .UsingJobData(FullScanJob.ProviderIdKey, provider)
                .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(zone))
                .Build();
            await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken).ConfigureAwait(false);
            Log.FullScanScheduled(logger, provider, cron, zone.Id);
        }
    }
}
