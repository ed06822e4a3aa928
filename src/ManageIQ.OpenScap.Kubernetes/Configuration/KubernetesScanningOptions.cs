namespace ManageIQ.OpenScap.Kubernetes.Configuration;

/// <summary>The <c>Kubernetes</c> configuration section: the clusters to scan on and how scanning pods look.</summary>
public sealed class KubernetesScanningOptions
{
    public const string SectionName = "Kubernetes";

    /// <summary>One entry per ManageIQ container provider this bridge scans for.</summary>
    public IList<ClusterConnectionOptions> Clusters { get; init; } = [];

    /// <summary>The scanning pod's shape and limits.</summary>
    public ScanPodOptions Pod { get; init; } = new();

    /// <summary>
    /// Marks this bridge's pods (label <c>manageiq.org/scan-owner</c>) so that the orphan sweep of one bridge never
    /// touches the pods of another bridge sharing the cluster. Must stay the same across restarts.
    /// </summary>
    public string OwnerId { get; set; } = "manageiq-openscap";

    /// <summary>How often the orphan sweep runs after the one at start.</summary>
    public TimeSpan OrphanSweepInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the pull secrets read from the inspector-admin service account are reused.</summary>
    public TimeSpan PullSecretsCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Bound on each clean-up call (delete), independent of the scan's own cancellation.</summary>
    public TimeSpan CleanupTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
