namespace ManageIQ.OpenScap.Kubernetes.Configuration;

/// <summary>The kind of cluster: decides whether OpenShift Image objects can be annotated.</summary>
public enum ClusterPlatform
{
    Kubernetes,
    OpenShift,
}
