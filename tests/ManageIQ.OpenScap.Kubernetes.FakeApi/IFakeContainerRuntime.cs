using k8s.Models;

namespace ManageIQ.OpenScap.Kubernetes.FakeApi;

/// <summary>
/// Runs a pod's container for the fake kubelet, as a real process on loopback: with one set, a created pod really runs,
/// becomes ready only when its readiness probe passes, and the pod proxy forwards to it.
/// </summary>
public interface IFakeContainerRuntime
{
    /// <summary>Starts the pod's container and returns the base address its port answers on.</summary>
    Task<Uri> StartAsync(V1Pod pod, CancellationToken cancellationToken);

    /// <summary>Stops the pod's container (the pod was deleted or failed); nothing when it is not running.</summary>
    Task StopAsync(V1Pod pod);
}
