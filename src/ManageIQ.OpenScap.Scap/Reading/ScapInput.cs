using System.IO.Compression;
using SharpCompress.Compressors.BZip2;

namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>Sniffs the first bytes of the input and returns the decoded document stream.</summary>
internal static class ScapInput
{
    private const int SniffLength = 6;

    public static async Task<LimitedStream> OpenAsync(Stream input, string sourceName, ScapReaderOptions options, CancellationToken cancellationToken)
    {
        var head = new byte[SniffLength];
        var n = await input.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (n == 0)
        {
            throw new ScapFormatException(sourceName, 0, 0, "the input is empty");
        }

        var sniffed = head.AsSpan(0, n);
        var replay = new PrefixedStream(head.AsMemory(0, n), input);
        if (sniffed.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b]))
        {
            return new LimitedStream(new GZipStream(replay, CompressionMode.Decompress, leaveOpen: true), sourceName, "gzip", options.MaxInputBytes, cancellationToken);
        }

        if (sniffed.StartsWith("BZh"u8))
        {
            return new LimitedStream(OpenBzip2(replay, sourceName), sourceName, "bzip2", options.MaxInputBytes, cancellationToken);
        }

        if (sniffed.StartsWith((ReadOnlySpan<byte>)[0x28, 0xb5, 0x2f, 0xfd]) || sniffed.StartsWith((ReadOnlySpan<byte>)[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))
        {
            throw new ScapFormatException(sourceName, 0, 0, "zstd and xz compression are not supported; use gzip, bzip2 or plain XML");
        }

        return new LimitedStream(replay, sourceName, compression: null, options.MaxInputBytes, cancellationToken);
    }

    private static BZip2Stream OpenBzip2(Stream input, string sourceName)
    {
        try
        {
            // SharpCompress reads the first block header here already.
            return BZip2Stream.Create(input, SharpCompress.Compressors.CompressionMode.Decompress, decompressConcatenated: true, leaveOpen: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new ScapFormatException(sourceName, 0, 0, $"bzip2 data is corrupt or truncated at its start: {ex.Message}", ex);
        }
    }
}
