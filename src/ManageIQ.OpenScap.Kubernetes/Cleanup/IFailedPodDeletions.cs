namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>The pod deletions given up (refused by the API server past the bound), for the service to report.</summary>
public interface IFailedPodDeletions
{
    /// <summary>The given-up deletions, oldest first.</summary>
    IReadOnlyList<FailedPodDeletion> List();
}
