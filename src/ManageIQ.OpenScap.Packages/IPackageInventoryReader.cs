using ManageIQ.OpenScap.Images;

namespace ManageIQ.OpenScap.Packages;

/// <summary>Reads the package inventory of an unpacked root filesystem, the project's own reading beside oscap's probes.</summary>
public interface IPackageInventoryReader
{
    /// <summary>
    /// Reads the database the distribution keeps (from <paramref name="osRelease"/>), or whichever is present when
    /// the distribution is unknown. Returns <see cref="PackageInventory.None"/> when there is none and none is expected.
    /// </summary>
    /// <exception cref="PackageInventoryException">The expected database is missing, unreadable, garbage or over a limit.</exception>
    Task<PackageInventory> ReadAsync(string rootPath, OsRelease? osRelease, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a combined <c>var/lib/dpkg/status</c> from distroless <c>status.d</c>, so oscap's dpkginfo probe sees
    /// the packages. Only for the scanner's own copy of a root. Returns the number of packages written.
    /// </summary>
    /// <exception cref="PackageInventoryException">status.d cannot be read, or the status file cannot be written.</exception>
    Task<int> WriteCombinedDpkgStatusAsync(string rootPath, CancellationToken cancellationToken);
}
