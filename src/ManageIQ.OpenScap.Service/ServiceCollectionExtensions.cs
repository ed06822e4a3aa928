using ManageIQ.OpenScap.Analysis;
using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.Control;
using ManageIQ.OpenScap.Service.Compliance;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Probing;
using ManageIQ.OpenScap.Service.Configuration;
using ManageIQ.OpenScap.Service.Discovery;
using ManageIQ.OpenScap.Service.Dispatch;
using ManageIQ.OpenScap.Service.Health;
using ManageIQ.OpenScap.Service.Hosting;
using ManageIQ.OpenScap.Service.Scheduling;
using ManageIQ.OpenScap.Service.Waivers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ManageIQ.OpenScap.State.Leadership;
using Quartz;

namespace ManageIQ.OpenScap.Service;

/// <summary>Registers <c>bridge serve</c>'s work: discovery, schedules, dispatcher, outbox delivery, readiness.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the service with <see cref="ServiceOptions"/> (section <c>Bridge</c>) validated at start, Quartz and its
    /// hosted service, and <see cref="BridgeServiceRunner"/> behind its start gates: the probe of ManageIQ
    /// (<c>ManageIq:Probe</c>), then the single-active guard (the file lock here; the host adds <c>AddLeaseGuard</c>
    /// for a cluster). It needs the image analysis (<c>AddImageAnalysis</c>), the scanner (<c>AddImageScanner</c>), the
    /// store and the ManageIQ client.
    /// </summary>
    public static IServiceCollection AddBridgeService(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ServiceOptions>().Bind(configuration.GetSection(ServiceOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceOptions>, ServiceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ManageIqReachability>();
        services.TryAddSingleton<ImageCatalog>();
        services.TryAddSingleton<ImageExclusions>();
        services.TryAddSingleton<ResultRecovery>();
        services.TryAddSingleton<ContentFingerprintPredictor>();
        services.TryAddSingleton<ImageFreshness>();
        services.TryAddSingleton<ImageDiscovery>();
        services.TryAddSingleton<DispatchSignal>();
        services.TryAddSingleton<BackendChoice>();
        services.TryAddSingleton<ScanExecution>();
        services.TryAddSingleton<ScanDispatcher>();
        services.TryAddSingleton<OutboxDelivery>();
        services.TryAddSingleton<WaiverWatch>();
        services.TryAddSingleton<IScanRequests, ScanRequests>();
        services.TryAddSingleton<ScheduleRegistrar>();
        services.AddComplianceLoop(configuration);
        services.AddManageIqProbe(configuration.GetSection(ManageIqProbeOptions.SectionName));
        services.AddFileLockGuard(configuration);
        services.AddServiceStartGate<ManageIqProbeGate>();
        if (!services.Any(d => d.ServiceType == typeof(ActiveLeaseGate)))
        {
            services.AddSingleton<ActiveLeaseGate>();
            services.AddSingleton<IActiveTerm>(sp => sp.GetRequiredService<ActiveLeaseGate>());
            services.AddSingleton<IServiceStartGate>(sp => sp.GetRequiredService<ActiveLeaseGate>());
        }

        services.AddReadinessCheck<ManageIqReadinessCheck>();
        services.AddReadinessCheck<StateStoreReadinessCheck>();
        services.AddReadinessCheck<ActiveLeaseReadinessCheck>();
        services.AddTransient<DiscoveryJob>();
        services.AddTransient<FullScanJob>();
        services.AddQuartz(q =>
        {
            q.AddJobType<DiscoveryJob>();
            q.AddJobType<FullScanJob>();
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        services.TryAddSingleton<BridgeServiceRunner>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<BridgeServiceRunner>());
        return services;
    }

    /// <summary>
    /// Adds ManageIQ's compliance loop to publishing (<see cref="ComplianceCheckAfterPosting"/>), with what it needs of
    /// Control (<c>Bridge:Policies</c>) and <c>Bridge:Discovery:Interval</c>; <c>bridge analyze</c> adds it too.
    /// </summary>
    public static IServiceCollection AddComplianceLoop(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddPolicyRegistration(configuration);
        if (!services.Any(d => d.ServiceType == typeof(IOptionsChangeTokenSource<DiscoveryOptions>)))
        {
            services.AddOptions<DiscoveryOptions>().Bind(configuration.GetSection(ServiceOptions.SectionName + ":Discovery"));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostedResultFollowUp, ComplianceCheckAfterPosting>());
        return services;
    }

    /// <summary>Adds a condition of <c>/readyz</c>.</summary>
    public static IServiceCollection AddReadinessCheck<T>(this IServiceCollection services)
        where T : class, IReadinessCheck
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReadinessCheck, T>());
        return services;
    }

    /// <summary>Adds a condition the service's work waits for before it starts (the lease, the start-up probes).</summary>
    public static IServiceCollection AddServiceStartGate<T>(this IServiceCollection services)
        where T : class, IServiceStartGate
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceStartGate, T>());
        return services;
    }
}
