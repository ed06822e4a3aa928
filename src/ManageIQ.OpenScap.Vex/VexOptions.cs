using System.ComponentModel.DataAnnotations;

namespace ManageIQ.OpenScap.Vex;

/// <summary>
/// Reading CSAF VEX feeds into OVAL (configuration section <c>Vex</c>). The documents are untrusted input, so every
/// size is capped; Red Hat's largest per-CVE documents (kernel CVEs) are a few MB.
/// </summary>
public sealed class VexOptions
{
    public const string SectionName = "Vex";

    /// <summary>Largest single VEX document, in bytes. Default 64 MiB.</summary>
    [Range(1024, int.MaxValue)]
    public long MaxDocumentBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Most documents in one feed (a directory or archive). Default 1,000,000.</summary>
    [Range(1, 100_000_000)]
    public int MaxDocuments { get; set; } = 1_000_000;

    /// <summary>Largest sum of the documents (and archive members) read from one feed, decompressed. Default 64 GiB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxTotalBytes { get; set; } = 64L * 1024 * 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted. Default 64 (Red Hat's product trees nest about 8 levels).</summary>
    [Range(8, 1024)]
    public int MaxDepth { get; set; } = 64;

    /// <summary>
    /// Also report <c>known_affected</c> components without a fix (Red Hat: "Affected", "Deferred", "Will not fix"):
    /// true when a binary package built from the source RPM is installed, whatever its version. Default false, as
    /// Red Hat's own RHEL OVAL (without "-including-unpatched") has it.
    /// </summary>
    public bool IncludeUnfixed { get; set; }
}
