using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Kubernetes.DependencyInjection;
using ManageIQ.OpenScap.Service.Configuration;

namespace ManageIQ.OpenScap.Bridge.Hosting;

/// <summary>The backends <c>serve</c> needs beyond the local one.</summary>
internal static class ServeHostExtensions
{
    /// <summary>
    /// Adds the Lease as the single-active guard in a cluster, and the <c>kubernetes</c> backend, with its orphan sweep
    /// (only while this replica holds the guard), when <c>Bridge:Backend</c> or any
    /// <c>Bridge:ProviderOverrides:&lt;id&gt;:Backend</c> names it.
    /// </summary>
    public static void AddServeBackends(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLeaseGuard(configuration);
        var overrides = configuration.GetSection(ServiceOptions.SectionName + ":" + nameof(ServiceOptions.ProviderOverrides)).GetChildren()
            .Select(c => c[nameof(ProviderOverrideOptions.Backend)]);
        if (AnalysisHostExtensions.BackendName(configuration) == ScanBackendNames.Kubernetes || overrides.Contains(ScanBackendNames.Kubernetes))
        {
            // With the start-up check analyze has: Bridge:Backend kubernetes and no cluster is refused at start.
            services.AddKubernetesBackend(configuration, sweepOrphans: true);
        }
    }
}
