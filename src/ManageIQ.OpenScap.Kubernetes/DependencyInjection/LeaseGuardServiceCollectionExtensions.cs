using k8s;
using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.Kubernetes.Leadership;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Kubernetes.DependencyInjection;

public static class LeaseGuardServiceCollectionExtensions
{
    /// <summary>
    /// Provides the Kubernetes Lease as the single-active guard (<see cref="IActiveGuard"/> when
    /// <c>Bridge:Leadership:Mode</c> resolves to <c>lease</c>): a <c>coordination.k8s.io/v1</c> Lease in the bridge's
    /// own namespace, on the cluster it runs in, reached with its service account. Needs no <c>Kubernetes</c> section.
    /// </summary>
    public static IServiceCollection AddLeaseGuard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LeadershipOptions>, LeaseOptionsValidator>());
        services.TryAddKeyedSingleton(LeaseClient.ServiceKey, (sp, _) => LeaseClient.InCluster(sp.GetRequiredService<IOptions<LeadershipOptions>>().Value));
        return services.AddActiveGuard(LeadershipMode.Lease, configuration, sp =>
        {
            var options = sp.GetRequiredService<IOptions<LeadershipOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            var api = new LeaseApi(sp.GetRequiredKeyedService<IKubernetes>(LeaseClient.ServiceKey), LeaseTarget.Resolve(options), options.RenewDeadline, time);
            return new KubernetesLeaseGuard(api, options, time, sp.GetRequiredService<ILogger<KubernetesLeaseGuard>>());
        });
    }
}
