namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>What one look at a scanning pod says: keep waiting, results are ready, or it cannot succeed.</summary>
internal readonly record struct PodVerdict(PodVerdictKind Kind, ScanPodFailure Failure = default, string? Message = null)
{
    public static PodVerdict Waiting { get; } = new(PodVerdictKind.Waiting);

    public static PodVerdict Ready { get; } = new(PodVerdictKind.Ready);

    public static PodVerdict Failed(ScanPodFailure failure, string message) => new(PodVerdictKind.Failed, failure, message);
}
