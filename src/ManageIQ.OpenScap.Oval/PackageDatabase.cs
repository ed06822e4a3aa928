namespace ManageIQ.OpenScap.Oval;

/// <summary>The package database an OVAL package probe reads.</summary>
public enum PackageDatabase
{
    /// <summary>dpkginfo: <c>var/lib/dpkg/status</c>.</summary>
    Dpkg,

    /// <summary>rpminfo: the RPM database.</summary>
    Rpm,
}
