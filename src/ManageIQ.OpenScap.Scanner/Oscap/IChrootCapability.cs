namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>Whether this process may chroot(), which oscap's RPM probes need.</summary>
public interface IChrootCapability
{
    /// <summary>True when the process holds CAP_SYS_CHROOT in its effective set; otherwise <paramref name="reason"/> says why not.</summary>
    bool CanChroot(out string reason);
}
