namespace ManageIQ.OpenScap.Images;

/// <summary>An image unpacked into a root filesystem.</summary>
public sealed record AcquiredImage
{
    /// <summary>The source it came from, as given.</summary>
    public required ImageSource Source { get; init; }

    /// <summary>The unpacked root filesystem (<c>WorkDirectory/rootfs</c>).</summary>
    public required string RootFileSystemPath { get; init; }

    /// <summary>The image id: the digest of the image configuration (<c>sha256:…</c>), as Docker reports it.</summary>
    public required string ImageId { get; init; }

    /// <summary>The digest of the platform's image manifest; null for a docker archive, which has none.</summary>
    public string? ManifestDigest { get; init; }

    /// <summary>The digest of the manifest list or index the platform's manifest was picked from; null when the reference named a manifest.</summary>
    public string? IndexDigest { get; init; }

    /// <summary><c>registry/repository@digest</c> of what the reference resolved to (the index digest for a multi-platform image).</summary>
    public IReadOnlyList<string> RepoDigests { get; init; } = [];

    /// <summary>The distribution, or null when the image has no os-release file.</summary>
    public OsRelease? OsRelease { get; init; }

    public required ImagePlatform Platform { get; init; }

    public int LayerCount { get; init; }

    /// <summary>Compressed bytes of all layers, as stored in the registry or layout.</summary>
    public long LayerBytes { get; init; }

    /// <summary>Bytes of file content written into the root filesystem.</summary>
    public long UnpackedBytes { get; init; }

    /// <summary>True when an earlier complete unpack in the work directory was reused (pull policy).</summary>
    public bool Reused { get; init; }

    public AcquisitionTimings Timings { get; init; } = new();
}
