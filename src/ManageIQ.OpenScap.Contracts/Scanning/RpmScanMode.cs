namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>
/// How a provider's scanning pod may scan RPM images, whose probes need chroot() (<c>Bridge:ProviderOverrides:&lt;id&gt;:RpmScanMode</c>).
/// A non-root container never has CAP_SYS_CHROOT effective (kubernetes/kubernetes#56374), so both opt-ins run as root.
/// </summary>
public enum RpmScanMode
{
    /// <summary>The default: the pod stays non-root under Pod Security "restricted"; RPM images come out <c>error: RPM probes need chroot</c>.</summary>
    Refuse,

    /// <summary>Root inside a user namespace (<c>hostUsers: false</c>), with CAP_SYS_CHROOT; needs Pod Security "baseline".</summary>
    UserNamespace,

    /// <summary>Root with CAP_SYS_CHROOT on the host's users; needs Pod Security "baseline".</summary>
    RootBaseline,
}
