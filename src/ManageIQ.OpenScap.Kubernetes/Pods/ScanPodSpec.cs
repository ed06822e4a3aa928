namespace ManageIQ.OpenScap.Kubernetes.Pods;

/// <summary>What varies from one scanning pod to the next.</summary>
/// <param name="Name">The pod name (<see cref="ScanPodName"/>).</param>
/// <param name="Namespace">The scanning namespace.</param>
/// <param name="JobId">The job the pod belongs to (annotation <c>manageiq.org/jobid</c>).</param>
/// <param name="Image">The image to scan, as a pull spec.</param>
/// <param name="ImageId">The expected image id or digest; null when none is known.</param>
/// <param name="Timeout">The scan's time limit, also the pod's activeDeadlineSeconds.</param>
/// <param name="Deadline">When the bridge gives up on the scan.</param>
/// <param name="PullSecrets">The pull secrets of the inspector-admin service account.</param>
/// <param name="AuthToken">The inspector's shared token (<c>INSPECTOR_AUTH_TOKEN</c>), random per pod; null for none.</param>
public sealed record ScanPodSpec(
    string Name,
    string Namespace,
    string JobId,
    string Image,
    string? ImageId,
    TimeSpan Timeout,
    DateTimeOffset Deadline,
    IReadOnlyList<PullSecret> PullSecrets,
    string? AuthToken = null)
{
    /// <summary>This scan's <c>--cve-url</c>, <c>--ssg-datastream</c>, <c>--ssg-profile</c> and HTML report choice.</summary>
    public ScanPodContent Content { get; init; } = ScanPodContent.Default;

    /// <summary>The provider's RPM opt-in (<see cref="RpmScanSecurity"/>).</summary>
    public Contracts.Scanning.RpmScanMode RpmScanMode { get; init; }
}
