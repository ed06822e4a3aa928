namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>A pod whose delete failed; kept until a later attempt succeeds.</summary>
internal sealed record PendingPodDeletion(string Cluster, string PodName, string? Uid, string JobId)
{
    public int Attempts { get; init; } = 1;
}
