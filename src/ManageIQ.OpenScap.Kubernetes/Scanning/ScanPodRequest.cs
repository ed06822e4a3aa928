using ManageIQ.OpenScap.Kubernetes.Connections;

namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>One image scan to run in a pod on the provider's cluster.</summary>
/// <param name="JobId">The bridge's job id; written to the pod as <c>manageiq.org/jobid</c>.</param>
/// <param name="Provider">The ManageIQ provider whose cluster runs the pod.</param>
/// <param name="Image">The image pull spec (registry/repository:tag@digest).</param>
/// <param name="ImageId">The id ManageIQ knows the image by (digest or image id); checked against the inspector's metadata.</param>
/// <param name="OutputDirectory">Where the ARF and HTML files are written; created if missing.</param>
public sealed record ScanPodRequest(string JobId, ProviderRef Provider, string Image, string ImageId, string OutputDirectory)
{
    /// <summary>Overrides <c>Kubernetes:Pod:ScanTimeout</c> for this scan.</summary>
    public TimeSpan? Timeout { get; init; }
}
