using k8s.Models;
using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Kubernetes.Pods;

/// <summary>
/// What an RPM opt-in changes in the scanning pod: root (a non-root container never has CAP_SYS_CHROOT effective),
/// ALL still dropped and only what the scan needs added back (SYS_CHROOT for the RPM probes; CHOWN, FOWNER and
/// DAC_OVERRIDE for unpacking as root), all within Pod Security "baseline". <c>user-namespace</c> also sets
/// <c>hostUsers: false</c>, so root and its capabilities are the pod's own user namespace's, not the host's.
/// </summary>
public static class RpmScanSecurity
{
    public static readonly IReadOnlyList<string> AddedCapabilities = ["CHOWN", "DAC_OVERRIDE", "FOWNER", "SYS_CHROOT"];

    public static void Apply(V1Pod pod, RpmScanMode mode)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (mode == RpmScanMode.Refuse)
        {
            return;
        }

        if (mode == RpmScanMode.UserNamespace)
        {
            pod.Spec.HostUsers = false;
        }

        pod.Spec.SecurityContext.RunAsNonRoot = false;
        pod.Spec.SecurityContext.RunAsUser = 0;
        pod.Spec.SecurityContext.RunAsGroup = 0;
        foreach (var container in pod.Spec.Containers)
        {
            container.SecurityContext.RunAsNonRoot = false;
            container.SecurityContext.RunAsUser = 0;
            container.SecurityContext.Capabilities = new V1Capabilities { Drop = ["ALL"], Add = [.. AddedCapabilities] };
        }
    }
}
