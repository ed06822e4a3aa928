using System.IO.Compression;
using SharpCompress.Compressors.BZip2;

namespace ManageIQ.OpenScap.Scap.Tests.Support;

/// <summary>Compression for fixtures and compressed-input tests.</summary>
public static class Compress
{
    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Bzip2(byte[] data)
    {
        using var output = new MemoryStream();
        using (var bzip2 = BZip2Stream.Create(output, SharpCompress.Compressors.CompressionMode.Compress, decompressConcatenated: false, leaveOpen: true))
        {
            bzip2.Write(data);
            bzip2.Finish();
        }

        return output.ToArray();
    }
}
