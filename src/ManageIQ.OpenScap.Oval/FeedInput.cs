using System.IO.Compression;
using System.Xml;
using SharpCompress.Compressors.BZip2;

namespace ManageIQ.OpenScap.Oval;

/// <summary>Opens a feed file as oscap reads it (plain, bzip2 or gzip XML, by content) for a bounded, DTD-free XmlReader.</summary>
internal static class FeedInput
{
    public static Stream Open(string path, long maxBytes)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            Span<byte> head = stackalloc byte[3];
            var n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            file.Position = 0;
            var name = Path.GetFileName(path);
            if (n >= 2 && head[0] == 0x1f && head[1] == 0x8b)
            {
                return new BoundedStream(new GZipStream(file, CompressionMode.Decompress), name, "gzip", maxBytes);
            }

            if (n == 3 && head.SequenceEqual("BZh"u8))
            {
                try
                {
                    return new BoundedStream(BZip2Stream.Create(file, SharpCompress.Compressors.CompressionMode.Decompress, decompressConcatenated: true, leaveOpen: false), name, "bzip2", maxBytes);
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    throw new OvalFormatException($"The CVE feed {name} is not valid bzip2 at its start: {e.Message}", e);
                }
            }

            return new BoundedStream(file, name, null, maxBytes);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public static XmlReaderSettings ReaderSettings(bool ignoreWhitespace) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = ignoreWhitespace,
        CloseInput = true,
    };
}
