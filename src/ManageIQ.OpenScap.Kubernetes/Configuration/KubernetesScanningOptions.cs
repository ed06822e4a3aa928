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

    /// <summary>
    /// Deadline of every API call other than a watch or the pod proxy (create, get, list, delete, patch): the whole
    /// exchange, answer body included. Also bounds how long a watch may take to answer at all.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a call through the pod proxy may wait for the inspector's answer to begin. The inspector answers
    /// the HTML report only once it is rendered, which takes up to oscap's report time limit (10 minutes).
    /// </summary>
    public TimeSpan ProxyTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A body streamed through the pod proxy that delivers no byte for this long is cut.</summary>
    public TimeSpan ProxyIdleTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A watch that delivers nothing for this long, not even a bookmark (the API server sends one about every
    /// minute), is taken for a dead connection: it is ended and the pod is read afresh.
    /// </summary>
    public TimeSpan WatchIdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A pod delete refused for a reason that retrying cannot fix (403, 401, 400, 422) is given up after this many
    /// attempts and recorded in <see cref="Cleanup.IFailedPodDeletions"/>; transient failures are retried on.
    /// </summary>
    public int MaxDeleteAttempts { get; set; } = 5;

    /// <summary>Cap on the ARF fetched from a scanning pod (the pod ran oscap over hostile content).</summary>
    public long MaxArfBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Cap on the HTML report fetched from a scanning pod.</summary>
    public long MaxHtmlReportBytes { get; set; } = 256L * 1024 * 1024;
}
