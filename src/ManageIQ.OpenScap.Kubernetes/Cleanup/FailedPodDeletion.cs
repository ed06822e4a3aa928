namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>A scanning pod this process gave up deleting: it may still run and must be removed by hand.</summary>
/// <param name="Cluster">The cluster's configured name.</param>
/// <param name="PodName">The pod, in the cluster's scanning namespace.</param>
/// <param name="Uid">The pod's uid when known.</param>
/// <param name="JobId">The job the pod belonged to.</param>
/// <param name="Attempts">Delete attempts made.</param>
/// <param name="StatusCode">The API server's last answer (e.g. 403), or null when none came.</param>
/// <param name="Reason">The last failure's message.</param>
/// <param name="GaveUpAt">When the last attempt failed.</param>
public sealed record FailedPodDeletion(
    string Cluster,
    string PodName,
    string? Uid,
    string JobId,
    int Attempts,
    int? StatusCode,
    string Reason,
    DateTimeOffset GaveUpAt);
