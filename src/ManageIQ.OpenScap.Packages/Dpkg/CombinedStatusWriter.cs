using System.Text;

namespace ManageIQ.OpenScap.Packages.Dpkg;

/// <summary>
/// oscap's dpkginfo probe reads only <c>var/lib/dpkg/status</c>, so a distroless image (one file per package in
/// <c>status.d</c>) looks empty to it. This writes the paragraphs of <c>status.d</c> into one status file, adding
/// <c>Status: install ok installed</c> where a paragraph has none (distroless files are the packages' control files).
/// Only ever into the scanner's own copy of the root.
/// </summary>
internal static class CombinedStatusWriter
{
    private const string InstalledStatus = "Status: install ok installed";

    /// <summary>Writes the combined file and returns the number of packages in it.</summary>
    /// <exception cref="PackageInventoryException">status.d cannot be read, or the status path is not a regular file.</exception>
    public static int Write(RootFiles files, PackageInventoryLimits limits, CancellationToken cancellationToken)
    {
        var target = files.Resolve(DpkgPaths.Status);
        if (PackageNativeMethods.FileType(target) is { } type && type != PackageNativeMethods.RegularFile)
        {
            throw new PackageInventoryException($"{DpkgPaths.Status} exists and is not a regular file; the combined status file was not written.");
        }

        var partial = Path.Combine(Path.GetDirectoryName(target)!, ".status.miq-combined");
        var count = 0;
        try
        {
            using (var output = new StreamWriter(new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                output.NewLine = "\n";
                foreach (var entry in DpkgInventoryReader.StatusEntries(files, limits))
                {
                    foreach (var stanza in DpkgInventoryReader.ReadFile(files, entry, limits, cancellationToken, keepLines: true))
                    {
                        WriteStanza(output, stanza);
                        count++;
                    }
                }
            }

            File.Move(partial, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            throw new PackageInventoryException($"The combined {DpkgPaths.Status} could not be written: {e.Message}", e);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        return count;
    }

    private static void WriteStanza(StreamWriter output, DpkgStanza stanza)
    {
        var hasStatus = stanza.Status is not null;
        foreach (var line in stanza.Lines)
        {
            output.WriteLine(line);
            if (!hasStatus && line.StartsWith("Package:", StringComparison.OrdinalIgnoreCase))
            {
                output.WriteLine(InstalledStatus);
                hasStatus = true;
            }
        }

        output.WriteLine();
    }
}
