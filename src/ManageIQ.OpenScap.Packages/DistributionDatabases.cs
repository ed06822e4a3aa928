using ManageIQ.OpenScap.Images;

namespace ManageIQ.OpenScap.Packages;

/// <summary>Which package database a distribution keeps, from its os-release ID and ID_LIKE.</summary>
public static class DistributionDatabases
{
    private static readonly HashSet<string> DpkgIds = new(StringComparer.OrdinalIgnoreCase) { "debian", "ubuntu" };

    private static readonly HashSet<string> RpmIds = new(StringComparer.OrdinalIgnoreCase)
    {
        "rhel", "centos", "fedora", "ol", "almalinux", "rocky", "amzn", "sles", "sled", "suse", "opensuse", "opensuse-leap", "opensuse-tumbleweed", "sle-micro", "mariner", "azurelinux",
    };

    /// <summary>The database the distribution keeps; <see cref="PackageDatabaseKind.None"/> when unknown (alpine, no os-release).</summary>
    public static PackageDatabaseKind Expected(OsRelease? osRelease)
    {
        if (osRelease is null)
        {
            return PackageDatabaseKind.None;
        }

        foreach (var id in osRelease.IdLike.Prepend(osRelease.Id))
        {
            if (DpkgIds.Contains(id))
            {
                return PackageDatabaseKind.Dpkg;
            }

            if (RpmIds.Contains(id))
            {
                return PackageDatabaseKind.Rpm;
            }
        }

        return PackageDatabaseKind.None;
    }
}
