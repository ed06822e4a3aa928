using System.IO.Compression;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Contracts.Tests.Backends;

/// <summary>
/// A loopback registry holding a synthetic Debian 12 as a two-platform OCI index (linux/amd64 and linux/arm64), and the
/// hand-written CVE feed gzip-compressed on disk.
/// </summary>
internal sealed class BackendFixture : IAsyncDisposable
{
    private BackendFixture(TempDirectory directory, LoopbackRegistry registry, BuiltIndex index, string feed)
    {
        Directory = directory;
        Registry = registry;
        Index = index;
        Feed = feed;
    }

    public TempDirectory Directory { get; }

    public LoopbackRegistry Registry { get; }

    public BuiltIndex Index { get; }

    /// <summary>The linux/amd64 image of the index, the one a scan pulls.</summary>
    public BuiltImage Amd64 => Index.Images[0];

    public string Image => Registry.Host + "/test/debian:12";

    public string Feed { get; }

    public static async Task<BackendFixture> StartAsync(CancellationToken cancellationToken)
    {
        var directory = new TempDirectory("miq-backends-");
        var registry = await LoopbackRegistry.StartAsync(cancellationToken: cancellationToken);
        var root = directory.Combine("debian");
        SyntheticDebianRoot.Write(root);
        var amd64 = new TestImage().Layer(TestLayer.FromDirectory(root)).Build();
        var arm64 = new TestImage(architecture: "arm64").Layer(new TestLayer().File("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")).Build();
        var index = BuiltIndex.Create(TestManifestFormat.Oci, amd64, arm64);
        await registry.PushIndexAsync("test/debian", "12", index, cancellationToken);

        var feed = directory.Combine("oval-definitions-bookworm.xml.gz");
        await using (var gzip = new GZipStream(File.Create(feed), CompressionLevel.Fastest))
        {
            await using var source = File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "cve-feed-bookworm.xml"));
            await source.CopyToAsync(gzip, cancellationToken);
        }

        return new BackendFixture(directory, registry, index, feed);
    }

    public async ValueTask DisposeAsync()
    {
        await Registry.DisposeAsync();
        Directory.Dispose();
    }
}
