namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>
/// Marks an unpacked root as a container (<c>run/.containerenv</c>, as oscap-podman does), so SSG's
/// <c>machine</c> platform makes bare-metal-only rules not applicable.
/// </summary>
public static class ContainerMarker
{
    /// <summary>Creates <c>ROOT/run/.containerenv</c> unless <c>run</c> is a symbolic link (it must not lead outside the root).</summary>
    /// <returns>False when the marker could not be placed safely.</returns>
    public static bool Mark(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var run = new DirectoryInfo(Path.Combine(root, "run"));
        if (run.Exists && run.LinkTarget is not null)
        {
            return false;
        }

        if (File.Exists(run.FullName))
        {
            return false;
        }

        try
        {
            run.Create();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        var marker = Path.Combine(run.FullName, ".containerenv");
        var existing = new FileInfo(marker);
        if (existing.LinkTarget is not null || Directory.Exists(marker))
        {
            // A link planted by the image would make the write land elsewhere.
            return false;
        }

        try
        {
            if (!existing.Exists)
            {
                using var _ = new FileStream(marker, FileMode.CreateNew, FileAccess.Write);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only root: the scan still runs, with machine semantics.
            return false;
        }

        return true;
    }
}
