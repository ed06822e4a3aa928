using System.IO.Compression;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Unpacking;

/// <summary>
/// Layers that try to write outside the root: traversal, absolute and escaping links, links to
/// host directories, hard links out, whiteouts through links, bombs, bad digests, truncation.
/// <c>outside</c> is a real directory next to the work directories, holding <c>victim.txt</c>.
/// </summary>
internal static class HostileCorpus
{
    public static IReadOnlyList<HostileCase> Build(string outside, string hostMarker)
    {
        var setuid = (UnixFileMode)0x9ED;
        var cases = new List<HostileCase>
        {
            Fails("traversal", ImageAcquisitionFailure.UnsafeLayer, new TestLayer().File("../../../outside/pwned", "x")),
            Fails("nested-traversal", ImageAcquisitionFailure.UnsafeLayer, new TestLayer().File("etc/../../../../outside/pwned", "x")),
            Fails("whiteout-traversal", ImageAcquisitionFailure.UnsafeLayer, new TestLayer().File("../../../outside/.wh.victim.txt", string.Empty)),
            Fails("hardlink-traversal", ImageAcquisitionFailure.UnsafeLayer, new TestLayer().HardLink("hl", "../../../outside/victim.txt")),
            Fails("hardlink-absolute", ImageAcquisitionFailure.UnsafeLayer, new TestLayer().HardLink("hl", outside + "/victim.txt")),
            Fails("hardlink-through-symlink", ImageAcquisitionFailure.UnsafeLayer, new TestLayer().Symlink("esc", outside).HardLink("hl", "esc/victim.txt")),
            Fails("symlink-loop", ImageAcquisitionFailure.UnsafeLayer, new TestLayer().Symlink("l1", "l2").Symlink("l2", "l1").File("l1/x", "x")),
            Succeeds("absolute-entry-name", root => Assert.That(File.Exists(root + outside + "/pwned-abs"), Is.True),
                new TestLayer().File(outside + "/pwned-abs", "x")),
            Succeeds("absolute-symlink-directory", root => Assert.That(File.Exists(root + outside + "/pwned-link"), Is.True),
                new TestLayer().Symlink("escape", outside).File("escape/pwned-link", "x")),
            Succeeds("relative-escaping-symlink-directory", root => Assert.That(File.Exists(Path.Combine(root, "outside/pwned-rel")), Is.True),
                new TestLayer().Symlink("up", "../../../../../../../../outside").File("up/pwned-rel", "x")),
            Succeeds("symlink-to-etc", root => Assert.That(File.Exists(Path.Combine(root, "etc", hostMarker)), Is.True),
                new TestLayer().Symlink("a", "/etc").File("a/" + hostMarker, "x")),
            Succeeds("symlink-to-tmp-in-lower-layer", root => Assert.That(File.Exists(Path.Combine(root, "tmp", hostMarker)), Is.True),
                new TestLayer().Symlink("t", "/tmp"), new TestLayer().File("t/" + hostMarker, "x")),
            Succeeds("file-over-symlink-to-victim", root => Assert.That(File.ReadAllText(Path.Combine(root, "victim")), Is.EqualTo("pwned")),
                new TestLayer().Symlink("victim", outside + "/victim.txt"), new TestLayer().File("victim", "pwned")),
            Succeeds("hardlink-over-symlink-to-victim", root => Assert.That(File.ReadAllText(Path.Combine(root, "victim")), Is.EqualTo("mine")),
                new TestLayer().Symlink("victim", outside + "/victim.txt").File("mine", "mine"), new TestLayer().HardLink("victim", "mine")),
            Succeeds("whiteouts-through-symlink", null,
                new TestLayer().Symlink("esc", outside), new TestLayer().Whiteout("esc/victim.txt").OpaqueWhiteout("esc/dir").OpaqueWhiteout("esc")),
            Succeeds("directory-mode-through-replaced-directory", null,
                new TestLayer().Directory("d", UnixFileMode.UserRead | UnixFileMode.UserExecute), new TestLayer().Symlink("d", outside + "/dir")),
            Succeeds("directory-over-symlink", root => Assert.That(File.Exists(Path.Combine(root, "d2/pwned")), Is.True),
                new TestLayer().Symlink("d2", outside).Directory("d2").File("d2/pwned", "x")),
            Succeeds("device-nodes-skipped", root => Assert.That(Directory.EnumerateFileSystemEntries(root), Is.Empty.Or.All.Not.EndsWith("sda")),
                new TestLayer().CharacterDevice("dev/sda", 8, 0).Fifo("fifo")),
            Succeeds("setuid-dropped", root => Assert.That(File.GetUnixFileMode(Path.Combine(root, "bin/su")), Is.EqualTo((UnixFileMode)0x1ED)),
                new TestLayer().File("bin/su", "su", setuid)),
            new("decompression-bomb", Image(new TestLayer().ZeroFile("zeros", 256L * 1024 * 1024)), ImageAcquisitionFailure.LimitExceeded,
                new UnpackLimits { MaxCompressionRatio = 20, CompressionRatioGraceBytes = 1024 * 1024 }),
            new("size-bomb", Image(new TestLayer().ZeroFile("big", 64L * 1024 * 1024)), ImageAcquisitionFailure.LimitExceeded,
                new UnpackLimits { MaxTotalBytes = 8L * 1024 * 1024 }),
            new("entry-flood", Image(Flood(200)), ImageAcquisitionFailure.LimitExceeded, new UnpackLimits { MaxEntries = 100 }),
            new("layer-flood", Image([.. Enumerable.Range(0, 5).Select(i => new TestLayer().File($"f{i}", "x"))]), ImageAcquisitionFailure.LimitExceeded,
                new UnpackLimits { MaxLayers = 4 }),
            new("digest-mismatch", Image(new TestLayer().File("etc/a", new string('a', 4096))), ImageAcquisitionFailure.DigestMismatch,
                TamperLayout: layout => FlipByte(LargestBlob(layout))),
            new("truncated-blob", Image(new TestLayer().File("etc/a", new string('a', 4096))), ImageAcquisitionFailure.DigestMismatch,
                TamperLayout: layout => Truncate(LargestBlob(layout))),
            new("not-a-tar", new TestImage().Layer(Garbage()).Build(), ImageAcquisitionFailure.UnsafeLayer),
        };
        cases.AddRange(HostileHeaderCorpus.Build());
        return cases;
    }

    private static HostileCase Fails(string name, ImageAcquisitionFailure failure, params TestLayer[] layers) => new(name, Image(layers), failure);

    private static HostileCase Succeeds(string name, Action<string>? check, params TestLayer[] layers) => new(name, Image(layers), null, CheckRoot: check);

    private static BuiltImage Image(params TestLayer[] layers)
    {
        var image = new TestImage();
        foreach (var layer in layers)
        {
            image.Layer(layer);
        }

        return image.Build();
    }

    private static TestLayer Flood(int count)
    {
        var layer = new TestLayer();
        for (var i = 0; i < count; i++)
        {
            layer.File($"flood/{i}", string.Empty);
        }

        return layer;
    }

    /// <summary>Valid gzip of random bytes: the digest matches, the tar does not parse.</summary>
    private static BuiltLayer Garbage()
    {
        var random = new byte[8192];
        new Random(4).NextBytes(random);
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(random);
        }

        var blob = output.ToArray();
        return new BuiltLayer(blob, BuiltLayer.Sha256(blob), BuiltLayer.Sha256(random), "application/vnd.oci.image.layer.v1.tar+gzip", new TestLayer());
    }

    private static string LargestBlob(string layout) =>
        new DirectoryInfo(Path.Combine(layout, "blobs", "sha256")).EnumerateFiles().OrderByDescending(f => f.Length).First().FullName;

    private static void FlipByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }

    private static void Truncate(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(stream.Length / 2);
    }
}
