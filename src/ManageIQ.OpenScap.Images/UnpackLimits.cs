using System.ComponentModel.DataAnnotations;

namespace ManageIQ.OpenScap.Images;

/// <summary>Bounds that stop a hostile or oversized image before it fills the disk.</summary>
public sealed record UnpackLimits
{
    public static UnpackLimits Default { get; } = new();

    /// <summary>Total bytes of file content written across all layers (default 16 GiB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxTotalBytes { get; init; } = 16L * 1024 * 1024 * 1024;

    /// <summary>Total tar entries across all layers (default 2,000,000).</summary>
    [Range(1, long.MaxValue)]
    public long MaxEntries { get; init; } = 2_000_000;

    /// <summary>Largest ratio of uncompressed to compressed bytes of a layer (default 250).</summary>
    [Range(1.0, double.MaxValue)]
    public double MaxCompressionRatio { get; init; } = 250;

    /// <summary>The ratio is checked only once a layer has produced this many bytes (default 64 MiB).</summary>
    [Range(0, long.MaxValue)]
    public long CompressionRatioGraceBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Total compressed bytes downloaded for the layers (default 16 GiB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxDownloadBytes { get; init; } = 16L * 1024 * 1024 * 1024;

    /// <summary>Symbolic links the unpacked root may hold, each rewritten to lead inside it (default 500,000).</summary>
    [Range(1, long.MaxValue)]
    public long MaxSymbolicLinks { get; init; } = 500_000;

    /// <summary>Path components walked, over all links, to resolve them inside the root (default 50,000,000).</summary>
    [Range(1, long.MaxValue)]
    public long MaxSymbolicLinkLookups { get; init; } = 50_000_000;

    /// <summary>Most layers an image may have (default 256).</summary>
    [Range(1, int.MaxValue)]
    public int MaxLayers { get; init; } = 256;

    /// <summary>
    /// Largest tar metadata record: a PAX extended header ('x', 'g') or a GNU long name or link
    /// ('L', 'K'). The tar reader holds each one in memory whole, so it is refused before it is read (default 1 MiB).
    /// </summary>
    [Range(512, int.MaxValue)]
    public int MaxHeaderRecordBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Most paths the unpacker remembers at once: the current layer's entries and their parent
    /// directories (for its whiteouts), its opaque directories, and every directory whose mode waits for the end (default 750,000).
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxTrackedPaths { get; init; } = 750_000;

    /// <summary>Most memory those remembered paths may take, counted as two bytes a character (default 96 MiB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxTrackedPathBytes { get; init; } = 96L * 1024 * 1024;
}
