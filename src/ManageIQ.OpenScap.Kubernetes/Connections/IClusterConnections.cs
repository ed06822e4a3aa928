namespace ManageIQ.OpenScap.Kubernetes.Connections;

/// <summary>The configured clusters, one client each.</summary>
public interface IClusterConnections
{
    IReadOnlyList<ClusterConnection> All { get; }

    /// <summary>The cluster serving <paramref name="provider"/>.</summary>
    /// <exception cref="UnknownProviderException">No configured cluster serves it.</exception>
    ClusterConnection Resolve(ProviderRef provider);
}
