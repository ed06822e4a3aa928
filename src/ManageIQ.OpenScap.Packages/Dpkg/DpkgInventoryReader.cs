namespace ManageIQ.OpenScap.Packages.Dpkg;

/// <summary>Reads dpkg's database of a root: <c>var/lib/dpkg/status</c>, else distroless <c>status.d</c>.</summary>
internal static class DpkgInventoryReader
{
    /// <exception cref="PackageInventoryException">Neither exists, a file is unreadable or garbage, or no package is installed.</exception>
    public static PackageInventory Read(RootFiles files, PackageInventoryLimits limits, CancellationToken cancellationToken)
    {
        List<InstalledPackage>? fromStatus = null;
        if (files.Exists(DpkgPaths.Status))
        {
            fromStatus = [.. ReadFile(files, DpkgPaths.Status, limits, cancellationToken).Where(s => s.OnDisk).Select(ToPackage)];
            Check(fromStatus.Count, limits);
            if (fromStatus.Count > 0 || !files.IsDirectory(DpkgPaths.StatusDirectory))
            {
                return fromStatus.Count > 0
                    ? new PackageInventory { Kind = PackageDatabaseKind.Dpkg, Source = DpkgPaths.Status, Packages = fromStatus }
                    : throw new PackageInventoryException($"{DpkgPaths.Status} lists no installed package.");
            }
        }
        else if (!files.IsDirectory(DpkgPaths.StatusDirectory))
        {
            throw new PackageInventoryException($"The image has no dpkg database: neither {DpkgPaths.Status} nor {DpkgPaths.StatusDirectory} exists.");
        }

        var entries = StatusEntries(files, limits);
        var packages = new List<InstalledPackage>();
        foreach (var entry in entries)
        {
            packages.AddRange(ReadFile(files, entry, limits, cancellationToken).Where(s => s.OnDisk).Select(ToPackage));
            Check(packages.Count, limits);
        }

        return packages.Count == 0
            ? throw new PackageInventoryException($"{DpkgPaths.StatusDirectory} lists no installed package ({entries.Count} files).")
            : new PackageInventory { Kind = PackageDatabaseKind.Dpkg, Source = $"{DpkgPaths.StatusDirectory} ({entries.Count} files)", Packages = packages, FromStatusDirectory = true };
    }

    /// <summary>The root-relative paths of status.d's package files, sorted.</summary>
    internal static List<string> StatusEntries(RootFiles files, PackageInventoryLimits limits) =>
        [.. files.List(DpkgPaths.StatusDirectory, limits.MaxStatusFiles).Where(DpkgPaths.IsStatusEntry).Select(n => DpkgPaths.StatusDirectory + "/" + n)];

    internal static List<DpkgStanza> ReadFile(RootFiles files, string relative, PackageInventoryLimits limits, CancellationToken cancellationToken, bool keepLines = false)
    {
        using var stream = files.Open(relative);
        var stanzas = new List<DpkgStanza>();
        foreach (var stanza in DpkgStatusParser.Parse(stream, relative, limits, keepLines, cancellationToken))
        {
            if (stanza.OnDisk && string.IsNullOrEmpty(stanza.Version))
            {
                throw new PackageInventoryException($"{relative}: package {stanza.Package} (line {stanza.Line}) is installed but has no Version field.");
            }

            stanzas.Add(stanza);
            Check(stanzas.Count, limits);
        }

        return stanzas;
    }

    private static void Check(int count, PackageInventoryLimits limits)
    {
        if (count > limits.MaxPackages)
        {
            throw new PackageInventoryException($"The image lists more than {limits.MaxPackages} packages ({PackageInventoryLimits.SectionName}:{nameof(limits.MaxPackages)}).");
        }
    }

    private static InstalledPackage ToPackage(DpkgStanza stanza)
    {
        var version = stanza.Version!;
        var (sourceName, sourceVersion) = SourceField(stanza.Source, stanza.Package!, version);
        return new InstalledPackage(stanza.Package!, version, stanza.Architecture ?? string.Empty, sourceName, sourceVersion, stanza.FullyInstalled);
    }

    /// <summary><c>Source: name</c> or <c>Source: name (version)</c>; absent means the binary's own name and version.</summary>
    internal static (string Name, string Version) SourceField(string? source, string package, string version)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return (package, version);
        }

        var open = source.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return (source.Trim(), version);
        }

        var close = source.IndexOf(')', open);
        var name = source[..open].Trim();
        var sourceVersion = (close > open ? source[(open + 1)..close] : source[(open + 1)..]).Trim();
        return (name.Length == 0 ? package : name, sourceVersion.Length == 0 ? version : sourceVersion);
    }
}
