namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>The end of one delete call.</summary>
public enum PodDeleteOutcome
{
    /// <summary>The API server accepted the delete.</summary>
    Deleted,

    /// <summary>404: the pod is already gone, which is what a delete wants.</summary>
    AlreadyGone,

    /// <summary>The pod by that name is not the one this job created (another job's or another bridge's): left alone.</summary>
    NotOurs,
}
