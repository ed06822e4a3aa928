using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Packages.Dpkg;
using ManageIQ.OpenScap.Packages.Rpm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Packages;

/// <summary>Reads dpkg's status (and distroless status.d) or the RPM database, within <see cref="PackageInventoryLimits"/>.</summary>
internal sealed class PackageInventoryReader(IOptions<PackageInventoryLimits> limits, ILogger<PackageInventoryReader> logger) : IPackageInventoryReader
{
    public Task<PackageInventory> ReadAsync(string rootPath, OsRelease? osRelease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootPath);
        return Task.Run(() => Read(rootPath, osRelease, cancellationToken), cancellationToken);
    }

    public Task<int> WriteCombinedDpkgStatusAsync(string rootPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootPath);
        return Task.Run(
            () =>
            {
                var count = CombinedStatusWriter.Write(new RootFiles(rootPath, limits.Value), limits.Value, cancellationToken);
                Log.CombinedStatusWritten(logger, rootPath, count);
                return count;
            },
            cancellationToken);
    }

    private PackageInventory Read(string rootPath, OsRelease? osRelease, CancellationToken cancellationToken)
    {
        var files = new RootFiles(rootPath, limits.Value);
        if (!Directory.Exists(files.Root))
        {
            throw new PackageInventoryException($"The root filesystem {files.Root} does not exist.");
        }

        var kind = DistributionDatabases.Expected(osRelease);
        if (kind == PackageDatabaseKind.None)
        {
            // An unknown distribution: read whichever database is there, and expect none when there is none.
            kind = files.Exists(DpkgPaths.Status) || files.IsDirectory(DpkgPaths.StatusDirectory) ? PackageDatabaseKind.Dpkg
                : RpmPaths.Databases.Any(files.Exists) ? PackageDatabaseKind.Rpm
                : PackageDatabaseKind.None;
        }

        var inventory = kind switch
        {
            PackageDatabaseKind.Dpkg => DpkgInventoryReader.Read(files, limits.Value, cancellationToken),
            PackageDatabaseKind.Rpm => RpmInventoryReader.Read(files, limits.Value, cancellationToken),
            _ => PackageInventory.None,
        };
        Log.InventoryRead(logger, rootPath, inventory.Packages.Count, inventory.Kind, inventory.Source);
        return inventory;
    }
}
