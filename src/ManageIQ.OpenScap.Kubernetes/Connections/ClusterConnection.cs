using k8s;
using ManageIQ.OpenScap.Kubernetes.Configuration;

namespace ManageIQ.OpenScap.Kubernetes.Connections;

/// <summary>An open client to one cluster, with the settings it was made from.</summary>
public sealed class ClusterConnection(ClusterConnectionOptions options, IKubernetes client)
{
    public string Name => Options.Name;

    public string Namespace => Options.Namespace;

    public bool IsOpenShift => Options.Platform == ClusterPlatform.OpenShift;

    public ClusterConnectionOptions Options { get; } = options;

    public IKubernetes Client { get; } = client;

    /// <summary>True when this cluster serves the ManageIQ provider (id wins over name when both are configured).</summary>
    public bool Serves(ProviderRef provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (!string.IsNullOrEmpty(Options.ProviderId) && provider.Id is not null)
        {
            return string.Equals(Options.ProviderId, provider.Id, StringComparison.Ordinal);
        }

        return !string.IsNullOrEmpty(Options.ProviderName)
            && string.Equals(Options.ProviderName, provider.Name, StringComparison.OrdinalIgnoreCase);
    }
}
