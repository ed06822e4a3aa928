namespace ManageIQ.OpenScap.Kubernetes.Configuration;

/// <summary>Where a cluster connection takes its address and credentials from.</summary>
public enum ClusterAuthMode
{
    /// <summary>The bridge's own pod service account (token, CA and address mounted by Kubernetes).</summary>
    InCluster,

    /// <summary>A kubeconfig file and, optionally, a context in it.</summary>
    Kubeconfig,

    /// <summary>An API address, a bearer-token file and a CA file.</summary>
    Token,
}
