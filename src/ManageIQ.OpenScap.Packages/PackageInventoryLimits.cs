using System.ComponentModel.DataAnnotations;

namespace ManageIQ.OpenScap.Packages;

/// <summary>
/// Caps on what the inventory reader reads from an image, which is hostile input (configuration section
/// <c>PackageInventory</c>). A Debian desktop's status file is about 10 MB and 3,000 packages.
/// </summary>
public sealed class PackageInventoryLimits
{
    public const string SectionName = "PackageInventory";

    /// <summary>Largest single database file (the dpkg status file, one status.d file, the RPM database). Default 256 MiB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest sum of all files read for one image. Default 512 MiB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxTotalBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Most files in <c>var/lib/dpkg/status.d</c>. Default 100,000.</summary>
    [Range(1, 10_000_000)]
    public int MaxStatusFiles { get; set; } = 100_000;

    /// <summary>Most packages in one image. Default 200,000.</summary>
    [Range(1, 10_000_000)]
    public int MaxPackages { get; set; } = 200_000;

    /// <summary>Longest line of a dpkg status file, in characters. Default 1 MiB.</summary>
    [Range(80, 64 * 1024 * 1024)]
    public int MaxLineLength { get; set; } = 1024 * 1024;
}
