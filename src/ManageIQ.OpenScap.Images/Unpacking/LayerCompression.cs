using System.IO.Compression;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>Recognises a layer's compression by its magic bytes (media types are not trusted).</summary>
internal static class LayerCompression
{
    private static readonly byte[] Gzip = [0x1F, 0x8B];
    private static readonly byte[] Zstd = [0x28, 0xB5, 0x2F, 0xFD];
    private static readonly byte[] Bzip2 = [0x42, 0x5A, 0x68];
    private static readonly byte[] Xz = [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00];

    /// <summary>Opens the uncompressed tar stream over <paramref name="source"/>, whose first bytes are <paramref name="head"/>.</summary>
    public static Stream Open(ReadOnlySpan<byte> head, Stream source)
    {
        if (head.StartsWith(Gzip))
        {
            return new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
        }

        if (head.StartsWith(Zstd))
        {
            return new ZstdSharp.DecompressionStream(source, leaveOpen: true);
        }

        if (head.StartsWith(Bzip2) || head.StartsWith(Xz))
        {
            throw new LayerException(ImageAcquisitionFailure.UnsafeLayer,
                "the layer is bzip2 or xz compressed; only tar, tar+gzip and tar+zstd layers are supported");
        }

        return source;
    }
}
