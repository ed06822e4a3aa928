using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;

namespace ManageIQ.OpenScap.Testing;

/// <summary>A layer blob with its digest (of the blob) and diff_id (of the uncompressed tar).</summary>
public sealed record BuiltLayer(byte[] Blob, string Digest, string DiffId, string MediaType, TestLayer Source)
{
    public long Size => Blob.LongLength;

    public static BuiltLayer Build(TestLayer layer, TestLayerCompression compression, TestManifestFormat format)
    {
        using var diffHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] blob;
        switch (compression)
        {
            case TestLayerCompression.None:
                blob = layer.ToTar();
                diffHash.AppendData(blob);
                break;
            case TestLayerCompression.Gzip:
                using (var output = new MemoryStream())
                {
                    using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
                    using (var hashing = new HashingWriteStream(gzip, diffHash))
                    {
                        layer.WriteTar(hashing);
                    }

                    blob = output.ToArray();
                }

                break;
            default:
                var tar = layer.ToTar();
                diffHash.AppendData(tar);
                blob = Zstd(tar);
                break;
        }

        var docker = format == TestManifestFormat.DockerV2;
        var mediaType = compression switch
        {
            TestLayerCompression.None => docker ? "application/vnd.docker.image.rootfs.diff.tar" : "application/vnd.oci.image.layer.v1.tar",
            TestLayerCompression.Gzip => docker ? "application/vnd.docker.image.rootfs.diff.tar.gzip" : "application/vnd.oci.image.layer.v1.tar+gzip",
            _ => "application/vnd.oci.image.layer.v1.tar+zstd",
        };
        return new BuiltLayer(blob, Sha256(blob), "sha256:" + Convert.ToHexStringLower(diffHash.GetHashAndReset()), mediaType, layer);
    }

    /// <summary>A tar+gzip layer of a tar written byte by byte (see <see cref="RawTar"/>).</summary>
    public static BuiltLayer FromTar(byte[] tar) => Gzip(output => output.Write(tar), CompressionLevel.Fastest);

    /// <summary>A tar+gzip layer of whatever <paramref name="writeTar"/> writes, streamed (the tar never sits in memory whole).</summary>
    public static BuiltLayer Gzip(Action<Stream> writeTar, CompressionLevel level)
    {
        ArgumentNullException.ThrowIfNull(writeTar);
        using var diffHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        using (var hashing = new HashingWriteStream(gzip, diffHash))
        {
            writeTar(hashing);
        }

        var blob = output.ToArray();
        return new BuiltLayer(blob, Sha256(blob), "sha256:" + Convert.ToHexStringLower(diffHash.GetHashAndReset()), "application/vnd.oci.image.layer.v1.tar+gzip", new TestLayer());
    }

    /// <summary>A layer from an existing blob file (e.g. a tar.gz written by GNU tar), with its diff_id computed.</summary>
    public static BuiltLayer FromGzipFile(string path)
    {
        var blob = File.ReadAllBytes(path);
        using var gzip = new GZipStream(new MemoryStream(blob), CompressionMode.Decompress);
        var diffId = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(gzip));
        return new BuiltLayer(blob, Sha256(blob), diffId, "application/vnd.oci.image.layer.v1.tar+gzip", new TestLayer());
    }

    public static string Sha256(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    private static byte[] Zstd(byte[] tar)
    {
        var psi = new ProcessStartInfo("zstd", "-q -c -3") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("zstd did not start");
        var writer = Task.Run(() =>
        {
            process.StandardInput.BaseStream.Write(tar);
            process.StandardInput.Close();
        });
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        writer.GetAwaiter().GetResult();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.ToArray() : throw new InvalidOperationException("zstd failed");
    }
}
