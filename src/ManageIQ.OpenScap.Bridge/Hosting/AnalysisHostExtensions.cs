using ManageIQ.OpenScap.Analysis;
using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Configuration;
using ManageIQ.OpenScap.Service;
using ManageIQ.OpenScap.State;

namespace ManageIQ.OpenScap.Bridge.Hosting;

/// <summary>The wiring every verb that publishes shares: ManageIQ, the state store, the backend, the analysis.</summary>
internal static class AnalysisHostExtensions
{
    /// <summary>The configured backend's name (<c>Bridge:Backend</c>), as validated at start.</summary>
    public static string BackendName(IConfiguration configuration) =>
        configuration[AnalysisOptions.SectionName + ":" + nameof(AnalysisOptions.Backend)] ?? ScanBackendNames.Local;

    /// <summary>
    /// Adds the ManageIQ client (<c>ManageIq</c>), the state store (<c>Bridge:StateDirectory</c>), the image analysis with
    /// ManageIQ's compliance check after a post,
    /// and the <c>kubernetes</c> backend when <c>Bridge:Backend</c> names it; the scanner is the host's already.
    /// </summary>
    public static IServiceCollection AddBridgeAnalysis(this IServiceCollection services, IConfiguration configuration, bool sweepOrphans)
    {
        services.AddManageIqClient(configuration.GetSection(ManageIqClientOptions.SectionName));
        services.AddStateStore(configuration);
        services.AddImageAnalysis(configuration);
        services.AddComplianceLoop(configuration);
        if (BackendName(configuration) == ScanBackendNames.Kubernetes)
        {
            services.AddKubernetesBackend(configuration, sweepOrphans);
        }

        return services;
    }
}
