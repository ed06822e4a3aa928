using System.Security.Cryptography;
using ManageIQ.OpenScap.Images.Unpacking;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Unpacking;

/// <summary>
/// The pipelined unpack (decompression thread, tar thread, writer pool): path operations that
/// overtake content still in flight, errors and cancellation from any stage, and large files.
/// Slowed writers make "in flight" certain rather than likely.
/// </summary>
[CancelAfter(60_000)]
public class LayerUnpackerPipelineTests : UnpackRootFixture
{
    private const int Mebibyte = 1024 * 1024;

    [Test]
    public void Unpack_FileReplacedLaterInSameLayerWhileInFlight_KeepsTheLaterFile()
    {
        var first = RandomBytes(3 * Mebibyte, 1);
        var layer = new TestLayer().File("etc/a", first, (UnixFileMode)0x1ED).File("etc/a", "second", (UnixFileMode)0x180);

        Unpack(layer, SlowWriter("etc/a"));

        Assert.That(File.ReadAllText(Path.Combine(Root, "etc/a")), Is.EqualTo("second"));
        Assert.That(File.GetUnixFileMode(Path.Combine(Root, "etc/a")), Is.EqualTo((UnixFileMode)0x180));
        AssertNoHandleOpenBelowRoot();
    }

    [Test]
    public void Unpack_HardLinkToFileInFlight_SharesItsCompleteContent()
    {
        var content = RandomBytes(3 * Mebibyte + 17, 2);
        var layer = new TestLayer().File("usr/bin/a", content).HardLink("usr/bin/b", "usr/bin/a").HardLink("usr/sbin/c", "usr/bin/a");

        Unpack(layer, SlowWriter("usr/bin/a"));

        // Digests: NUnit compares megabyte arrays element by element, slowly.
        Assert.That(SHA256.HashData(File.ReadAllBytes(Path.Combine(Root, "usr/bin/b"))), Is.EqualTo(SHA256.HashData(content)));
        Assert.That(SHA256.HashData(File.ReadAllBytes(Path.Combine(Root, "usr/sbin/c"))), Is.EqualTo(SHA256.HashData(content)));
        File.AppendAllText(Path.Combine(Root, "usr/bin/a"), "+");
        Assert.That(new FileInfo(Path.Combine(Root, "usr/sbin/c")).Length, Is.EqualTo(content.Length + 1), "one inode");
    }

    [Test]
    public void Unpack_WhiteoutRemovingDirectoryWithFileInFlight_RemovesItAndFinishes()
    {
        var layer = new TestLayer().File("var/cache/big", RandomBytes(2 * Mebibyte, 3)).File("var/keep", "k").Whiteout("var/cache");

        var unpacker = Unpack(layer, SlowWriter("var/cache/big"));

        Assert.That(Directory.Exists(Path.Combine(Root, "var/cache")), Is.False);
        Assert.That(File.ReadAllText(Path.Combine(Root, "var/keep")), Is.EqualTo("k"));
        Assert.That(unpacker.FileBytes, Is.EqualTo(2 * Mebibyte + 1));
        AssertNoHandleOpenBelowRoot();
    }

    [Test]
    public void Unpack_DirectoryReplacingFileInFlight_GetsItsEntries()
    {
        var layer = new TestLayer().File("opt/x", RandomBytes(Mebibyte + 1, 4)).Directory("opt/x").File("opt/x/inner", "i");

        Unpack(layer, SlowWriter("opt/x"));

        Assert.That(File.ReadAllText(Path.Combine(Root, "opt/x/inner")), Is.EqualTo("i"));
    }

    [Test]
    public void Unpack_WriterFails_ThrowsItsErrorAndClosesEveryHandle()
    {
        var layer = new TestLayer();
        for (var i = 0; i < 50; i++)
        {
            layer.File($"data/f{i:D2}", RandomBytes(64 * 1024, i));
        }

        var writer = new ScriptedContentWriter((name, _) =>
        {
            if (name == "data/f20")
            {
                throw new IOException("writing 'data/f20' failed: No space left on device");
            }
        });
        var unpacker = NewUnpacker(writer);

        var ex = Assert.Throws<IOException>(() => unpacker.Unpack(LayerFiles.Write(Scratch, layer), null, CancellationToken.None));

        Assert.That(ex!.Message, Is.EqualTo("writing 'data/f20' failed: No space left on device"));
        Assert.That(writer.Writes, Is.LessThan(50), "the other stages stopped");
        AssertNoHandleOpenBelowRoot();
    }

    [Test]
    public void Unpack_CancelledMidLayer_StopsPromptlyAndClosesEveryHandle()
    {
        var layer = new TestLayer();
        for (var i = 0; i < 400; i++)
        {
            layer.File($"many/f{i:D3}", RandomBytes(16 * 1024, i));
        }

        using var cancellation = new CancellationTokenSource();
        var writer = new ScriptedContentWriter((name, _) =>
        {
            if (name == "many/f010")
            {
                cancellation.Cancel();
            }

            Thread.Sleep(20);
        });
        var unpacker = NewUnpacker(writer);
        var path = LayerFiles.Write(Scratch, layer);
        var started = System.Diagnostics.Stopwatch.StartNew();

        Assert.That(() => unpacker.Unpack(path, null, cancellation.Token), Throws.InstanceOf<OperationCanceledException>());

        Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "all 400 files at 20 ms each would take 4 s on two writers");
        Assert.That(writer.Writes, Is.LessThan(400));
        AssertNoHandleOpenBelowRoot();
    }

    [Test]
    public void Unpack_LargeFile_WrittenByteExactInPieces()
    {
        // Larger than a decompression chunk, a writer piece, and the size from which blocks are reserved.
        var content = RandomBytes(5 * Mebibyte + 4321, 5);
        var built = BuiltLayer.Build(new TestLayer().File("srv/blob", content, (UnixFileMode)0x1A4).File("srv/after", "a"), TestLayerCompression.Zstd, TestManifestFormat.Oci);
        var offsets = new System.Collections.Concurrent.ConcurrentBag<long>();
        var unpacker = NewUnpacker(new ScriptedContentWriter((name, offset) =>
        {
            if (name == "srv/blob")
            {
                offsets.Add(offset);
            }
        }));

        unpacker.Unpack(LayerFiles.Write(Scratch, built), built.DiffId, CancellationToken.None);
        unpacker.Complete();

        var written = File.ReadAllBytes(Path.Combine(Root, "srv/blob"));
        Assert.That(SHA256.HashData(written), Is.EqualTo(SHA256.HashData(content)));
        Assert.That(written, Has.Length.EqualTo(content.Length));
        Assert.That(offsets.Order(), Is.EqualTo(new long[] { 0, Mebibyte, 2 * Mebibyte, 3 * Mebibyte, 4 * Mebibyte, 5 * Mebibyte }), "1 MiB pieces");
        Assert.That(File.GetUnixFileMode(Path.Combine(Root, "srv/blob")), Is.EqualTo((UnixFileMode)0x1A4));
        Assert.That(File.ReadAllText(Path.Combine(Root, "srv/after")), Is.EqualTo("a"));
    }

    [Test]
    public void Unpack_ModificationTimes_SetAfterTheContent()
    {
        var layer = new TestLayer().File("etc/big", RandomBytes(3 * Mebibyte, 6)).File("etc/small", "s");

        Unpack(layer, SlowWriter("etc/big"));

        // TestLayer stamps every entry 2024-01-01; a write after futimens would leave "now".
        var expected = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.That(File.GetLastWriteTimeUtc(Path.Combine(Root, "etc/big")), Is.EqualTo(expected));
        Assert.That(File.GetLastWriteTimeUtc(Path.Combine(Root, "etc/small")), Is.EqualTo(expected));
    }

    [Test]
    public void Unpack_TruncatedCompressedStream_ThrowsInvalidArchive()
    {
        var built = BuiltLayer.Build(new TestLayer().File("etc/a", RandomBytes(2 * Mebibyte, 7)), TestLayerCompression.Gzip, TestManifestFormat.Oci);
        var path = Scratch.Combine("truncated");
        File.WriteAllBytes(path, built.Blob[..(built.Blob.Length / 2)]);
        var unpacker = NewUnpacker(PositionalFileWriter.Instance);

        var ex = Assert.Throws<LayerException>(() => unpacker.Unpack(path, built.DiffId, CancellationToken.None));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.UnsafeLayer));
        Assert.That(ex.Message, Does.StartWith("the layer is not a valid (compressed) tar archive"));
        AssertNoHandleOpenBelowRoot();
    }

    private static ScriptedContentWriter SlowWriter(string slowName) =>
        new((name, _) =>
        {
            if (name == slowName)
            {
                Thread.Sleep(150);
            }
        });

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private LayerUnpacker NewUnpacker(IFileContentWriter writer) =>
        new(Root, new UnpackBudget(UnpackLimits.Default), keepOwners: false, writer, writerThreads: 2);

    private LayerUnpacker Unpack(TestLayer layer, IFileContentWriter writer)
    {
        var built = BuiltLayer.Build(layer, TestLayerCompression.Gzip, TestManifestFormat.Oci);
        var unpacker = NewUnpacker(writer);
        unpacker.Unpack(LayerFiles.Write(Scratch, built), built.DiffId, CancellationToken.None);
        unpacker.Complete();
        return unpacker;
    }

    /// <summary>No descriptor of this process refers to anything below the root (handles are closed on every path).</summary>
    private void AssertNoHandleOpenBelowRoot()
    {
        var open = new List<string>();
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith(Root, StringComparison.Ordinal))
                {
                    open.Add(target);
                }
            }
            catch (IOException)
            {
                // Closed while listing.
            }
        }

        Assert.That(open, Is.Empty);
    }
}
