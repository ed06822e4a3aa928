using ManageIQ.OpenScap.Kubernetes.Configuration;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Kubernetes.Connections;

/// <summary>Builds one <see cref="Kubernetes"/> client per configured cluster, once, and owns them.</summary>
internal sealed class ClusterConnections : IClusterConnections, IDisposable
{
    private readonly Lazy<IReadOnlyList<ClusterConnection>> connections;

    public ClusterConnections(IOptions<KubernetesScanningOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        connections = new Lazy<IReadOnlyList<ClusterConnection>>(() => [.. options.Value.Clusters.Select(c => Connect(c, options.Value, time))]);
    }

    public IReadOnlyList<ClusterConnection> All => connections.Value;

    public ClusterConnection Resolve(ProviderRef provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return All.FirstOrDefault(c => c.Serves(provider))
            ?? throw new UnknownProviderException(ClusterRequirement.NoClusterFor(All.Count, provider.ToString()));
    }

    private static ClusterConnection Connect(ClusterConnectionOptions cluster, KubernetesScanningOptions options, TimeProvider time)
    {
        // The client owns and disposes the handler chain it is given.
#pragma warning disable CA2000
        var client = new k8s.Kubernetes(KubernetesConfigurationFactory.Create(cluster), new KubernetesDeadlineHandler(cluster.Name, options, time));
#pragma warning restore CA2000
        return new ClusterConnection(cluster, client);
    }

    public void Dispose()
    {
        if (connections.IsValueCreated)
        {
            foreach (var connection in connections.Value)
            {
                connection.Client.Dispose();
            }
        }
    }
}
