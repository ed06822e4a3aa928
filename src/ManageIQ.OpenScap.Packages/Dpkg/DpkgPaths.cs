namespace ManageIQ.OpenScap.Packages.Dpkg;

/// <summary>Where dpkg keeps its database, relative to the root.</summary>
public static class DpkgPaths
{
    public const string Directory = "var/lib/dpkg";

    /// <summary>The one file oscap's dpkginfo probe reads (<c>dpkginfo-helper.c</c>).</summary>
    public const string Status = "var/lib/dpkg/status";

    /// <summary>Distroless images: one file per package (GoogleContainerTools/distroless #1569, #1809).</summary>
    public const string StatusDirectory = "var/lib/dpkg/status.d";

    /// <summary>True for the names in status.d that describe a package (not its <c>.md5sums</c>, not hidden files).</summary>
    public static bool IsStatusEntry(string name) =>
        name.Length > 0 && name[0] != '.' && !name.EndsWith(".md5sums", StringComparison.Ordinal);
}
