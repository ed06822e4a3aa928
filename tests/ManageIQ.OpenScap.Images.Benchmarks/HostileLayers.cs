using System.Globalization;
using System.IO.Compression;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Benchmarks;

/// <summary>
/// The hostile images of the memory benchmark, as OCI layouts cached in the workspace: a metadata
/// record that claims, and carries, 2 GB (a 9 MB gzip layer, under the 250:1 ratio guard), and a
/// flood of opaque whiteouts with 4,000-byte paths (nothing on disk, all in the unpacker's bookkeeping),
/// and a flood of symbolic links (more paths than the unpacker may remember).
/// </summary>
internal static class HostileLayers
{
    public const long RecordBytes = 2_000_000_000;
    public const int FloodEntries = 20_000;
    public const int LinkFloodEntries = 800_000;

    // One byte in 1,000 random: gzip -6 packs it about 216:1.
    private const int RandomByteEvery = 1000;
    private const int PathComponents = 40;

    public static string Benign() => Layout("benign", () => BuiltLayer.Build(new TestLayer().Directory("etc").File("etc/hostname", "box\n"), TestLayerCompression.Gzip, TestManifestFormat.Oci));

    /// <summary>A PAX ('x') or GNU long-name ('L') header claiming <see cref="RecordBytes"/>, followed by that many bytes.</summary>
    public static string RecordBomb(char type) => Layout($"record-{type}", () => BuiltLayer.Gzip(tar =>
    {
        tar.Write(RawTar.HeaderBlock(type == 'x' ? "PaxHeaders/bomb" : "././@LongLink", type, RawTar.OctalSize(RecordBytes)));
        WriteCompressible(tar, RecordBytes);
        tar.Write(new byte[RawTar.Padding(RecordBytes)]);
        tar.Write(new RawTar().File("after", "x").ToArray());
    }, CompressionLevel.Optimal));

    /// <summary>Opaque whiteouts below distinct 4,000-byte directories: each is only remembered, never written.</summary>
    public static string OpaqueWhiteoutFlood() => Layout("opaque-flood", () =>
    {
        var random = new Random(7);
        var layer = new TestLayer();
        for (var i = 0; i < FloodEntries; i++)
        {
            var components = Enumerable.Range(0, PathComponents).Select(_ => Convert.ToHexString(BitConverter.GetBytes(random.NextInt64())) + new string('d', 83));
            layer.OpaqueWhiteout(string.Join('/', components));
        }

        return BuiltLayer.Build(layer, TestLayerCompression.Gzip, TestManifestFormat.Oci);
    });

    /// <summary>More symbolic links, with 60-byte paths, than the unpacker may remember: every one is on disk and in the bookkeeping.</summary>
    public static string SymbolicLinkFlood() => Layout("symlink-flood", () => BuiltLayer.Gzip(tar =>
    {
        for (var i = 0; i < LinkFloodEntries; i++)
        {
            tar.Write(RawTar.HeaderBlock("flood/" + i.ToString("D9", CultureInfo.InvariantCulture).PadRight(54, 'l'), '2', RawTar.OctalSize(0), "target"));
        }

        tar.Write(new byte[2 * RawTar.BlockSize]);
    }, CompressionLevel.Fastest));

    private static void WriteCompressible(Stream output, long length)
    {
        var chunk = new byte[1024 * 1024];
        var random = new Random(11);
        for (var i = 0; i < chunk.Length; i += RandomByteEvery)
        {
            chunk[i] = (byte)random.Next(1, 256);
        }

        for (var written = 0L; written < length; written += chunk.Length)
        {
            output.Write(chunk, 0, (int)Math.Min(chunk.Length, length - written));
        }
    }

    private static string Layout(string name, Func<BuiltLayer> build)
    {
        var directory = Path.Combine(BenchmarkWorkspace.Directory, "hostile", name);
        if (File.Exists(Path.Combine(directory, "index.json")))
        {
            return directory;
        }

        Console.WriteLine($"Building the hostile image '{name}'…");
        var staging = directory + ".tmp";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        new TestImage().Layer(build()).Build().WriteOciLayout(staging, "x");
        Directory.Move(staging, directory);
        return directory;
    }
}
