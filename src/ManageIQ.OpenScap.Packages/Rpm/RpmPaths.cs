namespace ManageIQ.OpenScap.Packages.Rpm;

/// <summary>Where RPM keeps its database, relative to the root, in the order oscap 1.4.1+ and rpm look.</summary>
public static class RpmPaths
{
    /// <summary>The database files: sqlite (rpm 4.16+; bootc's <c>usr/lib/sysimage</c> first), Berkeley DB (RHEL 7/8), ndb (SUSE).</summary>
    public static IReadOnlyList<string> Databases { get; } =
    [
        "usr/lib/sysimage/rpm/rpmdb.sqlite",
        "var/lib/rpm/rpmdb.sqlite",
        "usr/lib/sysimage/rpm/Packages.db",
        "var/lib/rpm/Packages.db",
        "usr/lib/sysimage/rpm/Packages",
        "var/lib/rpm/Packages",
    ];

    /// <summary>True for rpm 4.16+'s sqlite database, which the project lists itself.</summary>
    public static bool IsSqlite(string database) => database.EndsWith("/rpmdb.sqlite", StringComparison.Ordinal);

    /// <summary>True for the Berkeley DB hash <c>Packages</c> file of rpm before 4.16, which the project lists itself.</summary>
    public static bool IsBerkeleyDb(string database) => database.EndsWith("/Packages", StringComparison.Ordinal);
}
