namespace ManageIQ.OpenScap.Packages;

/// <summary>The package database a distribution keeps, which oscap's probes read.</summary>
public enum PackageDatabaseKind
{
    /// <summary>None the project knows (Alpine's apk, a distribution-less image): no package probe reads it.</summary>
    None,

    /// <summary>Debian and derivatives: <c>var/lib/dpkg/status</c>, or distroless <c>var/lib/dpkg/status.d/*</c>. Read by dpkginfo.</summary>
    Dpkg,

    /// <summary>Red Hat, SUSE and derivatives: the RPM database. Read by rpminfo and rpmverify*, which need chroot().</summary>
    Rpm,
}
