using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Kubernetes.Cleanup;
using ManageIQ.OpenScap.Kubernetes.Configuration;
using ManageIQ.OpenScap.Kubernetes.Connections;
using ManageIQ.OpenScap.Compliance.Enforcement;
using ManageIQ.OpenScap.Kubernetes.OpenShift;
using ManageIQ.OpenScap.Kubernetes.Scanning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Kubernetes.DependencyInjection;

public static class KubernetesScanningServiceCollectionExtensions
{
    /// <summary>
    /// Registers the scanning pods (<see cref="IScanPodOrchestrator"/>), the OpenShift annotation
    /// (<see cref="IImageAnnotator"/>), the orphan sweep (<see cref="IOrphanPodSweeper"/> and its background service)
    /// the pod deletions given up (<see cref="IFailedPodDeletions"/>) and the cluster connections, from the
    /// <c>Kubernetes</c> section, validated at start; and the <c>kubernetes</c> <see cref="IScanBackend"/>. A one-shot
    /// process passes <paramref name="sweepOrphans"/> false: the sweep belongs to the long-running service, which would
    /// otherwise see its own running pods deleted.
    /// </summary>
    public static IServiceCollection AddKubernetesScanning(this IServiceCollection services, IConfiguration configuration, bool sweepOrphans = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KubernetesScanningOptions>()
            .Bind(configuration.GetSection(KubernetesScanningOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KubernetesScanningOptions>, KubernetesScanningOptionsValidator>());
        services.AddOptions<ProviderRpmScanModeOptions>()
            .Configure(o => Bind(o, configuration.GetSection(ProviderRpmScanModeOptions.SectionName)))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProviderRpmScanModeOptions>, ProviderRpmScanModeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClusterConnections, ClusterConnections>();
        services.TryAddSingleton<ActiveScanRegistry>();
        services.TryAddSingleton<FailedPodDeletions>();
        services.TryAddSingleton<IFailedPodDeletions>(sp => sp.GetRequiredService<FailedPodDeletions>());
        services.TryAddSingleton<PendingPodDeletions>();
        services.TryAddSingleton<PullSecretResolver>();
        services.TryAddSingleton<IScanPodOrchestrator, ScanPodOrchestrator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScanBackend, KubernetesScanBackend>());
        services.TryAddSingleton<IImageAnnotator, OpenShiftImageAnnotator>();
        // Over the compliance default that only says there is no cluster, whichever was registered first.
        services.Replace(ServiceDescriptor.Singleton<IImageEnforcer, ClusterImageEnforcer>());
        services.TryAddSingleton<IOrphanPodSweeper, OrphanPodSweeper>();
        if (sweepOrphans)
        {
            services.AddHostedService<OrphanSweepService>();
        }

        return services;
    }

    /// <summary>Each child of <c>Bridge:ProviderOverrides</c> is a provider id; only its RpmScanMode is this project's.</summary>
    private static void Bind(ProviderRpmScanModeOptions options, IConfiguration section)
    {
        foreach (var provider in section.GetChildren())
        {
            options.Providers[provider.Key] = new ProviderRpmScanModeEntry { RpmScanMode = provider[nameof(ProviderRpmScanModeEntry.RpmScanMode)] };
        }
    }
}
