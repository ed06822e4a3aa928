using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Kubernetes.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Bridge.Hosting;

/// <summary>The <c>kubernetes</c> backend as the verbs add it: the scanning pods, and the start-up check that a cluster is configured.</summary>
internal static class KubernetesBackendExtensions
{
    public static IServiceCollection AddKubernetesBackend(this IServiceCollection services, IConfiguration configuration, bool sweepOrphans)
    {
        services.AddKubernetesScanning(configuration, sweepOrphans);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnalysisOptions>, KubernetesBackendValidator>());
        return services;
    }
}
