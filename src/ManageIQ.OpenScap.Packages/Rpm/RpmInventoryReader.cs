namespace ManageIQ.OpenScap.Packages.Rpm;

/// <summary>Finds the RPM database of a root and lists it when it is sqlite or Berkeley DB; ndb is found, not listed.</summary>
internal static class RpmInventoryReader
{
    /// <exception cref="PackageInventoryException">No RPM database exists, it is not a regular file, or it is garbage or lists nothing.</exception>
    public static PackageInventory Read(RootFiles files, PackageInventoryLimits limits, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var database = RpmPaths.Databases.FirstOrDefault(files.Exists)
            ?? throw new PackageInventoryException($"The image has no RPM database: none of {string.Join(", ", RpmPaths.Databases)} exists.");
        if (files.TypeOf(database) != PackageNativeMethods.RegularFile)
        {
            throw new PackageInventoryException($"{database} is not a regular file, so it is not an RPM database.");
        }

        if (!RpmPaths.IsSqlite(database) && !RpmPaths.IsBerkeleyDb(database))
        {
            // ndb (SUSE's Packages.db): found, so the probes run, but not listed here.
            return new PackageInventory { Kind = PackageDatabaseKind.Rpm, Source = database, Listed = false };
        }

        var packages = RpmPaths.IsSqlite(database)
            ? RpmSqliteReader.Read(files, database, limits, cancellationToken)
            : RpmBerkeleyDbReader.Read(files, database, limits, cancellationToken);
        return packages.Count == 0
            ? throw new PackageInventoryException($"{database} lists no installed package.")
            : new PackageInventory { Kind = PackageDatabaseKind.Rpm, Source = database, Packages = packages };
    }
}
