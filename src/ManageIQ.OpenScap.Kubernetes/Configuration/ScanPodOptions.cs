namespace ManageIQ.OpenScap.Kubernetes.Configuration;

/// <summary>The scanning pod: inspector image, limits, time limits and scheduling.</summary>
public sealed class ScanPodOptions
{
    /// <summary>The <see cref="ScratchMedium"/> for tmpfs.</summary>
    public const string MemoryMedium = "Memory";

    /// <summary>What a <see cref="MemoryMedium"/> scratch must leave to oscap under the memory limit (1Gi).</summary>
    public const decimal OscapWorkingSetBytes = 1024m * 1024 * 1024;

    public string InspectorRegistry { get; set; } = "quay.io";

    public string InspectorRepository { get; set; } = "manageiq/openscap-inspector";

    public string InspectorTag { get; set; } = "latest";

    /// <summary>The scanning pod's image reference; also the <c>inspector</c> field of its scans' content fingerprint.</summary>
    public string InspectorImage => $"{InspectorRegistry}/{InspectorRepository}:{InspectorTag}";

    /// <summary><c>Always</c>, <c>IfNotPresent</c> or <c>Never</c>.</summary>
    public string ImagePullPolicy { get; set; } = "IfNotPresent";

    /// <summary>The longest <see cref="ScanTimeout"/>: a week, well inside what the process's timers can hold.</summary>
    public static readonly TimeSpan MaxScanTimeout = TimeSpan.FromDays(7);

    /// <summary>The whole scan, create to delete (ManageIQ's <c>scanning_job_timeout</c>).</summary>
    public TimeSpan ScanTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>A pod the scheduler cannot place for this long fails the scan.</summary>
    public TimeSpan UnschedulableLimit { get; set; } = TimeSpan.FromMinutes(5);

    public string CpuRequest { get; set; } = "250m";

    public string CpuLimit { get; set; } = "1";

    public string MemoryRequest { get; set; } = "512Mi";

    public string MemoryLimit { get; set; } = "2Gi";

    /// <summary>Size limit of the emptyDir the image is unpacked into (also its ephemeral-storage request).</summary>
    public string ScratchSizeLimit { get; set; } = "8Gi";

    /// <summary>
    /// Where the emptyDir lives: empty for the node's disk, or <c>Memory</c> for tmpfs. tmpfs unpacks faster and
    /// leaves the node's disk alone, but its files count toward the pod's memory, so <see cref="MemoryLimit"/>
    /// must hold <see cref="ScratchSizeLimit"/> plus oscap's own working set.
    /// </summary>
    public string ScratchMedium { get; set; } = "";

    /// <summary>
    /// The numeric user (and fsGroup) the inspector runs as; the inspector image's own user is 10001. Leave it
    /// empty on OpenShift, whose restricted SCC assigns a user from the namespace's range.
    /// </summary>
    public long? RunAsUser { get; set; } = 10001;

    public string? HttpProxy { get; set; }

    public string? HttpsProxy { get; set; }

    public string? NoProxy { get; set; }

    /// <summary>Passed to the inspector as <c>--cve-url</c> when set.</summary>
    public Uri? CveUrl { get; set; }

    /// <summary>Registries the inspector may reach over plain HTTP (<c>--insecure-registry</c>).</summary>
    public IList<string> InsecureRegistries { get; init; } = [];

    /// <summary>The service account whose image pull secrets are mounted and passed as <c>--dockercfg</c>.</summary>
    public string PullSecretsServiceAccount { get; set; } = "inspector-admin";

    public IDictionary<string, string> NodeSelector { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IList<TolerationOptions> Tolerations { get; init; } = [];
}
