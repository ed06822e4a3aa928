namespace ManageIQ.OpenScap.Kubernetes.OpenShift;

public enum ImageAnnotationOutcome
{
    /// <summary>The Image was patched.</summary>
    Annotated,

    /// <summary>The provider is plain Kubernetes: there is no Image object to annotate.</summary>
    SkippedNotOpenShift,

    /// <summary>The cluster has no Image by that digest (not pushed through its registry, or pruned).</summary>
    ImageNotFound,
}
