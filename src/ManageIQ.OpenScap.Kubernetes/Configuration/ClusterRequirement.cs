namespace ManageIQ.OpenScap.Kubernetes.Configuration;

/// <summary>
/// When a cluster is needed: only when the <c>kubernetes</c> backend is chosen. A bridge that scans locally needs none,
/// so an empty <c>Kubernetes:Clusters</c> is valid configuration; the start-up check of a chosen backend and a scan
/// for a provider no cluster serves both word the refusal here.
/// </summary>
public static class ClusterRequirement
{
    public const string ClustersKey = KubernetesScanningOptions.SectionName + ":" + nameof(KubernetesScanningOptions.Clusters);

    /// <summary>
    /// The start-up error when the <c>kubernetes</c> backend is chosen (by <paramref name="chosenBy"/>, the key or flag
    /// that chose it) and no cluster is configured; null when a cluster is.
    /// </summary>
    public static string? CheckChosenBackend(KubernetesScanningOptions options, string chosenBy)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Clusters.Count > 0
            ? null
            : $"{chosenBy} chooses the kubernetes backend, but {ClustersKey} is empty: add the cluster of each provider to scan under {ClustersKey}, or choose the local backend.";
    }

    /// <summary>Why a scan for <paramref name="provider"/> has no cluster to run on.</summary>
    public static string NoClusterFor(int configuredClusters, string provider) => configuredClusters == 0
        ? $"The kubernetes backend cannot scan for ManageIQ provider {provider}: {ClustersKey} is empty. Add its cluster under {ClustersKey}, or scan it with the local backend."
        : $"No cluster in {ClustersKey} serves ManageIQ provider {provider}.";
}
