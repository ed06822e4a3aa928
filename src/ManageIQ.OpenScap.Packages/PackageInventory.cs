namespace ManageIQ.OpenScap.Packages;

/// <summary>The packages of an image's root filesystem, read by the project itself (not by oscap's probes).</summary>
public sealed record PackageInventory
{
    public static PackageInventory None { get; } = new() { Kind = PackageDatabaseKind.None, Source = "no package database" };

    public required PackageDatabaseKind Kind { get; init; }

    /// <summary>What was read, root-relative: <c>var/lib/dpkg/status</c>, <c>var/lib/dpkg/status.d (3 files)</c>, <c>var/lib/rpm/rpmdb.sqlite</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The packages, in the database's order; those not fully installed included (<see cref="InstalledPackage.FullyInstalled"/>).</summary>
    public IReadOnlyList<InstalledPackage> Packages { get; init; } = [];

    /// <summary>
    /// False when the database was found but the project cannot list it itself (SUSE's ndb; rpmdb.sqlite and Berkeley DB are listed):
    /// <see cref="Packages"/> is then empty and says nothing about what is installed.
    /// </summary>
    public bool Listed { get; init; } = true;

    /// <summary>True when the dpkg packages came from distroless <c>status.d</c>, which oscap's dpkginfo probe does not read.</summary>
    public bool FromStatusDirectory { get; init; }

    /// <summary>The fully installed packages' binary names.</summary>
    public IReadOnlySet<string> InstalledNames() => Packages.Where(p => p.FullyInstalled).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
}
