using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.Authentication;
using ManageIQ.OpenScap.Kubernetes.Configuration;

namespace ManageIQ.OpenScap.Kubernetes.Connections;

/// <summary>Turns one cluster's settings into a client configuration.</summary>
internal static class KubernetesConfigurationFactory
{
    public static KubernetesClientConfiguration Create(ClusterConnectionOptions options)
    {
        var configuration = options.Mode switch
        {
            ClusterAuthMode.InCluster => KubernetesClientConfiguration.InClusterConfig(),
            ClusterAuthMode.Kubeconfig => KubernetesClientConfiguration.BuildConfigFromConfigFile(
                options.KubeconfigPath, string.IsNullOrEmpty(options.Context) ? null : options.Context),
            ClusterAuthMode.Token => FromTokenFile(options),
            _ => throw new InvalidOperationException($"Cluster '{options.Name}': unknown connection mode {options.Mode}."),
        };

        // Watches are held open for minutes, which a per-client limit would cut: KubernetesDeadlineHandler puts
        // the right deadline on each request instead (plain requests, watches and the pod proxy differ).
        configuration.HttpClientTimeout = Timeout.InfiniteTimeSpan;
        return configuration;
    }

    private static KubernetesClientConfiguration FromTokenFile(ClusterConnectionOptions options)
    {
        var configuration = new KubernetesClientConfiguration
        {
            Host = options.ApiUrl!.ToString(),
            // Re-reads the file when it changes, so rotated (projected) tokens keep working.
            TokenProvider = new TokenFileAuth(options.TokenFile!),
        };
        if (!string.IsNullOrEmpty(options.CaFile))
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(options.CaFile);
            configuration.SslCaCerts = authorities;
        }

        return configuration;
    }
}
