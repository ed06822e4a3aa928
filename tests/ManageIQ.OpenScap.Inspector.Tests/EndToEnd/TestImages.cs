using System.IO.Compression;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Inspector.Tests.EndToEnd;

/// <summary>One real docker-registry on 127.0.0.1 for the end-to-end tests, holding the test images.</summary>
[SetUpFixture]
public sealed class TestImages
{
    private static TempDirectory? directory;

    public static LoopbackRegistry Registry { get; private set; } = null!;

    /// <summary>The synthetic Debian 12 root (openssl 3.0.11) in two layers, the second with a whiteout.</summary>
    public static string Debian => Registry.Host + "/test/debian:12";

    /// <summary>An image whose os-release says Alpine, for which there is no SCAP content.</summary>
    public static string Alpine => Registry.Host + "/test/alpine:3.19";

    public static string DebianConfigDigest { get; private set; } = null!;

    public static string DebianManifestDigest { get; private set; } = null!;

    /// <summary>The hand-written CVE feed, gzip-compressed.</summary>
    public static string GzipFeed { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        directory = new TempDirectory();
        Registry = await LoopbackRegistry.StartAsync();
        var root = directory.Combine("debian");
        SyntheticDebianRoot.Write(root);
        File.WriteAllText(Path.Combine(root, "etc", "to-be-deleted"), "gone in layer 2");
        var debian = new TestImage()
            .Layer(TestLayer.FromDirectory(root))
            .Layer(new TestLayer().Whiteout("etc/to-be-deleted").File("etc/motd", "layer 2\n"))
            .Build();
        await Registry.PushAsync("test/debian", "12", debian);
        DebianConfigDigest = debian.ConfigDigest;
        DebianManifestDigest = debian.ManifestDigest;
        var alpine = new TestImage().Layer(new TestLayer().File("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME=\"Alpine Linux v3.19\"\n")).Build();
        await Registry.PushAsync("test/alpine", "3.19", alpine);

        GzipFeed = directory.Combine("oval-definitions-bookworm.xml.gz");
        await using var gzip = new GZipStream(File.Create(GzipFeed), CompressionLevel.Fastest);
        await using var source = File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "cve-feed-bookworm.xml"));
        await source.CopyToAsync(gzip);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await Registry.DisposeAsync();
        directory?.Dispose();
    }
}
