using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Kubernetes.Connections;
using ManageIQ.OpenScap.Kubernetes.Pods;

namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>One image scan to run in a pod on the provider's cluster.</summary>
/// <param name="JobId">The bridge's job id; written to the pod as <c>manageiq.org/jobid</c>.</param>
/// <param name="Provider">The ManageIQ provider whose cluster runs the pod.</param>
/// <param name="Image">The image pull spec (registry/repository:tag@digest).</param>
/// <param name="ImageId">The id ManageIQ knows the image by (digest or image id), checked against the inspector's report; null checks nothing.</param>
/// <param name="OutputDirectory">Where the artifacts are written; created if missing.</param>
public sealed record ScanPodRequest(string JobId, ProviderRef Provider, string Image, string? ImageId, string OutputDirectory)
{
    /// <summary>Overrides <c>Kubernetes:Pod:ScanTimeout</c> for this scan.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The scan's own feed, data stream, profile and HTML report choice.</summary>
    public ScanPodContent Content { get; init; } = ScanPodContent.Default;

    /// <summary>The provider's <c>RpmScanMode</c>: whether the pod runs as root with CAP_SYS_CHROOT for RPM images.</summary>
    public RpmScanMode RpmScanMode { get; init; }

    /// <summary>Told when the pod is created and when its results are collected.</summary>
    public IProgress<ScanProgress>? Progress { get; init; }
}
