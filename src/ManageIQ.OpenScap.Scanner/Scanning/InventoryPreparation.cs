using ManageIQ.OpenScap.Packages;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>The image's package inventory before oscap runs, or why the scan cannot run.</summary>
/// <param name="Inventory">What the project read itself.</param>
/// <param name="Failure">Why the scan must be an error (no database, unreadable, RPM without chroot); null when it can run.</param>
/// <param name="Notes">What people should know (a distroless status file written).</param>
/// <param name="RpmDatabaseDirectory">The RPM database directory as the image names it (<c>/var/lib/rpm</c>), for an RPM image.</param>
internal sealed record InventoryPreparation(PackageInventory? Inventory, string? Failure, IReadOnlyList<string> Notes, string? RpmDatabaseDirectory = null)
{
    public static InventoryPreparation Failed(string failure) => new(null, failure, []);
}
