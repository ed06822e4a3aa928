using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Packages;
using ManageIQ.OpenScap.Scanner.Oscap;
using ManageIQ.OpenScap.Scap;
using ManageIQ.OpenScap.Scap.Probes;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>
/// Keeps a scan from reading as clean when oscap saw no packages: the image's package database must be there and
/// readable, distroless status.d is combined into the status file oscap reads, an RPM image needs chroot(), and
/// afterwards every installed package oscap's probes were asked about must have been found by them.
/// </summary>
internal sealed class PackageInventoryCheck(IPackageInventoryReader reader, IPackageProbeReader probes, IChrootCapability chroot, ILogger<PackageInventoryCheck> logger)
{
    private const int MaxNamesShown = 10;

    public async Task<InventoryPreparation> PrepareAsync(string rootPath, OsRelease? osRelease, CancellationToken cancellationToken)
    {
        PackageInventory inventory;
        var notes = new List<string>();
        try
        {
            inventory = await reader.ReadAsync(rootPath, osRelease, cancellationToken).ConfigureAwait(false);
            if (inventory.FromStatusDirectory)
            {
                var written = await reader.WriteCombinedDpkgStatusAsync(rootPath, cancellationToken).ConfigureAwait(false);
                notes.Add($"Distroless image: its dpkg database is {inventory.Source}, which oscap does not read; the scanner wrote its {written} packages into var/lib/dpkg/status of its own copy of the root.");
            }
        }
        catch (PackageInventoryException e)
        {
            Log.InventoryFailed(logger, rootPath, e.Message);
            return InventoryPreparation.Failed("The image's package inventory could not be read, so no result could say which packages are vulnerable: " + e.Message);
        }

        if (inventory.Kind != PackageDatabaseKind.Rpm)
        {
            return new InventoryPreparation(inventory, null, notes);
        }

        if (!chroot.CanChroot(out var reason))
        {
            return InventoryPreparation.Failed(
                $"{OscapStandardError.RpmNeedsChroot}: the image is RPM-based ({inventory.Source}) and the scanner {reason}. Without chroot() oscap's RPM probes read the scanner's own RPM database. " +
                "Scan as root (the local backend on a host), or opt the provider in with Bridge:ProviderOverrides:<id>:RpmScanMode (user-namespace or root-baseline).");
        }

        return new InventoryPreparation(inventory, null, notes, "/" + Path.GetDirectoryName(inventory.Source));
    }

    /// <summary>After oscap: null when the probes agree with the inventory, else why the results cannot be trusted.</summary>
    public async Task<string?> VerifyAsync(PackageInventory inventory, IEnumerable<string> resultFiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var probe = inventory.Kind switch
        {
            PackageDatabaseKind.Dpkg => "dpkginfo",
            PackageDatabaseKind.Rpm => "rpminfo",
            _ => null,
        };
        if (probe is null)
        {
            return null;
        }

        var observation = PackageProbeObservation.Empty;
        foreach (var file in resultFiles)
        {
            try
            {
                observation = observation.Merge(await probes.ReadFileAsync(file, cancellationToken).ConfigureAwait(false));
            }
            catch (ScapFormatException)
            {
                // The summary reports an unreadable result file already.
                return null;
            }
        }

        var installed = inventory.InstalledNames();
        var missed = observation.Asked
            .Where(p => p.Probe == probe && (p.ProbeError || (inventory.Listed && !p.Found && installed.Contains(BareName(p.Name)))))
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (missed.Count == 0)
        {
            return null;
        }

        Log.InventoryDisagrees(logger, inventory.Source, probe, missed.Count);
        var shown = string.Join(", ", missed.Take(MaxNamesShown)) + (missed.Count > MaxNamesShown ? $" and {missed.Count - MaxNamesShown} more" : string.Empty);
        return $"oscap's {probe} probe did not see packages the image's package database ({inventory.Source}) lists as installed: {shown}. " +
            "Their vulnerabilities would be missed, so the scan is an error, not a result.";
    }

    private static string BareName(string name) => name.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? name[..colon] : name;
}
