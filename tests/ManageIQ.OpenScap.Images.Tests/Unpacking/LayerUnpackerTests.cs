using ManageIQ.OpenScap.Images.Unpacking;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Unpacking;

public class LayerUnpackerTests : UnpackRootFixture
{
    [TestCase(TestLayerCompression.None)]
    [TestCase(TestLayerCompression.Gzip)]
    [TestCase(TestLayerCompression.Zstd)]
    public void Unpack_EachCompression_WritesFilesAndChecksDiffId(TestLayerCompression compression)
    {
        var layer = BuiltLayer.Build(new TestLayer().Directory("etc").File("etc/hostname", "box\n").File("usr/bin/tool", "#!/bin/sh\n", (UnixFileMode)0x1ED), compression, TestManifestFormat.Oci);

        Unpack(layer);

        Assert.That(File.ReadAllText(Path.Combine(Root, "etc/hostname")), Is.EqualTo("box\n"));
        Assert.That(File.GetUnixFileMode(Path.Combine(Root, "usr/bin/tool")), Is.EqualTo((UnixFileMode)0x1ED));
    }

    [Test]
    public void Unpack_DiffIdMismatch_ThrowsDigestMismatch()
    {
        var layer = BuiltLayer.Build(new TestLayer().File("a", "a"), TestLayerCompression.Gzip, TestManifestFormat.Oci);
        var unpacker = NewUnpacker();

        var ex = Assert.Throws<LayerException>(() => unpacker.Unpack(LayerFiles.Write(Scratch, layer), "sha256:" + new string('0', 64), CancellationToken.None));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.DigestMismatch));
        Assert.That(ex.Message, Does.Contain("diff_id"));
    }

    [Test]
    public void Unpack_WhiteoutInUpperLayer_RemovesLowerFileAndDirectory()
    {
        Unpack(
            BuiltLayer.Build(new TestLayer().File("etc/issue.net", "x").File("etc/keep", "k").File("var/cache/apt/a", "a").File("var/cache/apt/sub/b", "b"), TestLayerCompression.Gzip, TestManifestFormat.Oci),
            BuiltLayer.Build(new TestLayer().Whiteout("etc/issue.net").Whiteout("var/cache/apt").File("etc/layer2", "2"), TestLayerCompression.Gzip, TestManifestFormat.Oci));

        Assert.That(File.Exists(Path.Combine(Root, "etc/issue.net")), Is.False);
        Assert.That(Directory.Exists(Path.Combine(Root, "var/cache/apt")), Is.False);
        Assert.That(File.Exists(Path.Combine(Root, "etc/keep")), Is.True);
        Assert.That(File.Exists(Path.Combine(Root, "etc/layer2")), Is.True);
        Assert.That(Directory.EnumerateFileSystemEntries(Root, ".wh.*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void Unpack_OpaqueWhiteout_KeepsOnlyThisLayersEntries()
    {
        Unpack(
            BuiltLayer.Build(new TestLayer().File("opt/app/old", "o").File("opt/app/sub/deep", "d").File("opt/other", "x"), TestLayerCompression.Gzip, TestManifestFormat.Oci),
            // The new entries come before the marker: order inside a layer must not matter.
            BuiltLayer.Build(new TestLayer().File("opt/app/sub/new", "n").File("opt/app/top", "t").OpaqueWhiteout("opt/app"), TestLayerCompression.Gzip, TestManifestFormat.Oci));

        var remaining = Directory.EnumerateFileSystemEntries(Path.Combine(Root, "opt/app"), "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p)).Order();
        Assert.That(string.Join(' ', remaining), Is.EqualTo("opt/app/sub opt/app/sub/new opt/app/top"));
        Assert.That(File.Exists(Path.Combine(Root, "opt/other")), Is.True);
    }

    [Test]
    public void Unpack_Modes_KeptWithoutSetuidAndReadOnlyDirectoriesFilled()
    {
        var setuid = (UnixFileMode)0x9ED; // 04755
        var readOnlyDirectory = (UnixFileMode)0x16D; // 0555
        Unpack(
            BuiltLayer.Build(new TestLayer().Directory("ro", readOnlyDirectory).File("ro/inside", "i").File("usr/bin/su", "su", setuid).File("etc/shadow", "s", (UnixFileMode)0x1A0), TestLayerCompression.Gzip, TestManifestFormat.Oci),
            BuiltLayer.Build(new TestLayer().File("ro/second", "2"), TestLayerCompression.Gzip, TestManifestFormat.Oci));

        Assert.That(File.GetUnixFileMode(Path.Combine(Root, "usr/bin/su")), Is.EqualTo((UnixFileMode)0x1ED));
        Assert.That(File.GetUnixFileMode(Path.Combine(Root, "etc/shadow")), Is.EqualTo((UnixFileMode)0x1A0));
        Assert.That(File.GetUnixFileMode(Path.Combine(Root, "ro")), Is.EqualTo(readOnlyDirectory));
        Assert.That(File.Exists(Path.Combine(Root, "ro/second")), Is.True);
    }

    [Test]
    public void Unpack_DeviceNodesAndFifos_AreSkipped()
    {
        var unpacker = NewUnpacker();
        unpacker.Unpack(LayerFiles.Write(Scratch, new TestLayer().CharacterDevice("dev/null").Fifo("run/fifo").File("etc/a", "a")), null, CancellationToken.None);

        Assert.That(File.Exists(Path.Combine(Root, "dev/null")), Is.False);
        Assert.That(File.Exists(Path.Combine(Root, "run/fifo")), Is.False);
        Assert.That(unpacker.SkippedEntries, Is.EqualTo(2));
    }

    [Test]
    public void Unpack_HardLink_SharesContentWithTarget()
    {
        Unpack(BuiltLayer.Build(new TestLayer().File("usr/bin/a", "same").HardLink("usr/bin/b", "usr/bin/a"), TestLayerCompression.Gzip, TestManifestFormat.Oci));

        File.AppendAllText(Path.Combine(Root, "usr/bin/a"), "+");
        Assert.That(File.ReadAllText(Path.Combine(Root, "usr/bin/b")), Is.EqualTo("same+"));
    }

    [Test]
    public void Unpack_HardLinkToItself_KeepsTheFile()
    {
        Unpack(BuiltLayer.Build(new TestLayer().File("etc/a", "content").HardLink("etc/a", "etc/a"), TestLayerCompression.Gzip, TestManifestFormat.Oci));

        Assert.That(File.ReadAllText(Path.Combine(Root, "etc/a")), Is.EqualTo("content"));
    }

    [Test]
    public void Unpack_SymbolicLinks_KeptVerbatim()
    {
        Unpack(BuiltLayer.Build(new TestLayer().File("usr/lib/os-release", "ID=debian\n").Symlink("etc/os-release", "../usr/lib/os-release").Symlink("bin", "usr/bin").Symlink("etc/mtab", "/proc/self/mounts"), TestLayerCompression.Gzip, TestManifestFormat.Oci));

        Assert.That(new FileInfo(Path.Combine(Root, "etc/os-release")).LinkTarget, Is.EqualTo("../usr/lib/os-release"));
        Assert.That(new FileInfo(Path.Combine(Root, "etc/mtab")).LinkTarget, Is.EqualTo("/proc/self/mounts"));
        Assert.That(new FileInfo(Path.Combine(Root, "bin")).LinkTarget, Is.EqualTo("usr/bin"));
    }

    [Test]
    public void Unpack_UpperLayerReplacesDirectoryWithFileAndFileWithDirectory()
    {
        Unpack(
            BuiltLayer.Build(new TestLayer().File("x/inner", "i").File("y", "file"), TestLayerCompression.Gzip, TestManifestFormat.Oci),
            BuiltLayer.Build(new TestLayer().File("x", "now a file").Directory("y").File("y/z", "z"), TestLayerCompression.Gzip, TestManifestFormat.Oci));

        Assert.That(File.ReadAllText(Path.Combine(Root, "x")), Is.EqualTo("now a file"));
        Assert.That(File.ReadAllText(Path.Combine(Root, "y/z")), Is.EqualTo("z"));
    }

    [Test]
    public void Unpack_Privileged_KeepsOwners()
    {
        Assume.That(Environment.IsPrivilegedProcess, "ownership is kept only when running as root");
        Unpack(BuiltLayer.Build(new TestLayer().File("home/u/f", "f", TestLayer.FileMode, 1234, 4321), TestLayerCompression.Gzip, TestManifestFormat.Oci));

        var stat = RunStat(Path.Combine(Root, "home/u/f"));
        Assert.That(stat, Is.EqualTo("1234:4321"));
    }

    [Test]
    public void Unpack_TooManyEntries_ThrowsLimitExceeded()
    {
        var layer = new TestLayer();
        for (var i = 0; i < 20; i++)
        {
            layer.File($"f{i}", "x");
        }

        var unpacker = new LayerUnpacker(Root, new UnpackBudget(new UnpackLimits { MaxEntries = 10 }), false);
        var ex = Assert.Throws<LayerException>(() => unpacker.Unpack(LayerFiles.Write(Scratch, layer), null, CancellationToken.None));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.LimitExceeded));
        Assert.That(ex.Message, Does.Contain("MaxEntries"));
    }

    private LayerUnpacker NewUnpacker() => new(Root, new UnpackBudget(UnpackLimits.Default), Environment.IsPrivilegedProcess);

    private void Unpack(params BuiltLayer[] layers)
    {
        var unpacker = NewUnpacker();
        foreach (var layer in layers)
        {
            unpacker.Unpack(LayerFiles.Write(Scratch, layer), layer.DiffId, CancellationToken.None);
        }

        unpacker.Complete();
    }

    private static string RunStat(string path)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%u:%g", path]) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
