namespace ManageIQ.OpenScap.Contracts.Leadership;

/// <summary>How the single active bridge is chosen (<c>Bridge:Leadership:Mode</c>).</summary>
public enum LeadershipMode
{
    /// <summary>A Lease when the process runs in a cluster (<c>KUBERNETES_SERVICE_HOST</c> is set), the file lock otherwise.</summary>
    Auto,

    /// <summary>A <c>coordination.k8s.io/v1</c> Lease in the bridge's own namespace, on the cluster it runs in.</summary>
    Lease,

    /// <summary>An exclusive lock on <c>bridge.lock</c> in <c>Bridge:StateDirectory</c>.</summary>
    File,
}
