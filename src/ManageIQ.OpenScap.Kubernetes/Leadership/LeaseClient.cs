using k8s;
using ManageIQ.OpenScap.Contracts.Leadership;

namespace ManageIQ.OpenScap.Kubernetes.Leadership;

/// <summary>The client of the cluster the bridge runs in, from its service account (in-cluster configuration).</summary>
internal static class LeaseClient
{
    /// <summary>The DI key of the <see cref="IKubernetes"/> the Lease guard uses; a test registers its own first.</summary>
    public const string ServiceKey = "ManageIQ.OpenScap.Leadership";

    /// <summary>A Lease is a few hundred bytes; a bigger answer is garbage and is not buffered.</summary>
    public const long MaxResponseBytes = 1024 * 1024;

    public static IKubernetes InCluster(LeadershipOptions options)
    {
        KubernetesClientConfiguration configuration;
        try
        {
            configuration = KubernetesClientConfiguration.InClusterConfig();
        }
        catch (Exception ex) when (ex is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException)
        {
            var resolved = LeadershipSelection.Resolve(options.Mode);
            throw new InvalidOperationException(
                $"{LeadershipSelection.Explain(options.Mode, resolved)}, but the in-cluster configuration (service account token, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT) cannot be loaded: {ex.Message} Set Bridge:Leadership:Mode to file outside a cluster.",
                ex);
        }

        // LeaseApi bounds each call by RenewDeadline; the client's own 100-second limit would only hide that.
        configuration.HttpClientTimeout = Timeout.InfiniteTimeSpan;
#pragma warning disable CA2000 // The client owns and disposes the handler it is given.
        return new k8s.Kubernetes(configuration, new BoundedResponseHandler(MaxResponseBytes));
#pragma warning restore CA2000
    }
}
