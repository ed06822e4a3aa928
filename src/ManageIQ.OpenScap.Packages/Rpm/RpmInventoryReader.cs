namespace ManageIQ.OpenScap.Packages.Rpm;

/// <summary>Finds the RPM database of a root.</summary>
internal static class RpmInventoryReader
{
    /// <exception cref="PackageInventoryException">No RPM database exists, or it is not a regular file.</exception>
    public static PackageInventory Read(RootFiles files, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var database = RpmPaths.Databases.FirstOrDefault(files.Exists)
            ?? throw new PackageInventoryException($"The image has no RPM database: none of {string.Join(", ", RpmPaths.Databases)} exists.");
        if (files.TypeOf(database) != PackageNativeMethods.RegularFile)
        {
            throw new PackageInventoryException($"{database} is not a regular file, so it is not an RPM database.");
        }

        return new PackageInventory { Kind = PackageDatabaseKind.Rpm, Source = database, Listed = false };
    }
}
