using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Registry;

/// <summary>A registry that stalls after the headers, or never ends a body, fails the pull instead of holding it.</summary>
[CancelAfter(60_000)]
public class RegistryDeadlineTests
{
    private static readonly Lazy<BuiltImage> Image = new(() => new TestImage()
        .Layer(new TestLayer().File("etc/os-release", "ID=debian\n").File("usr/share/big", new byte[512 * 1024]))
        .Build());

    private TempDirectory _work = null!;

    [SetUp]
    public void SetUp() => _work = new TempDirectory();

    [TearDown]
    public void TearDown() => _work.Dispose();

    [TestCase(RegistryStall.ManifestBody, "manifest")]
    [TestCase(RegistryStall.TokenBody, "token service's answer")]
    public async Task AcquireAsync_BodyStallsAfterHeaders_FailsNamingBodyTimeout(RegistryStall stall, string what, CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value);
        registry.Stall = stall;

        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() =>
            Acquirers.Create(o => o.BodyTimeout = TimeSpan.FromSeconds(1)).AcquireAsync(Request(registry), null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.RegistryUnavailable));
        Assert.That(ex.Message, Does.Contain($"the {what} did not arrive within").And.Contain("ImageAcquisition:BodyTimeout"));
    }

    [Test]
    public async Task AcquireAsync_EndlessChunkedErrorBody_FailsWithoutReadingItAll(CancellationToken cancellationToken)
    {
        await using var registry = new EndlessErrorRegistry();
        var request = new ImageAcquisitionRequest
        {
            Source = ImageSource.Parse($"{registry.Host}/{FakeRegistry.Repository}:1"),
            WorkDirectory = _work.Path,
            InsecureRegistries = ["http://" + registry.Host],
        };

        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() => Acquirers.Create().AcquireAsync(request, null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.NotFound));
        Assert.That(ex.Message, Does.Contain("404"));
        Assert.That(ex.Message, Has.Length.LessThan(2048), "the message quotes a bounded part of the body");
        // The client stops after its 64 KiB prefix; the rest written sits in the loopback socket buffers.
        Assert.That(registry.BytesWritten, Is.LessThan(64L * 1024 * 1024));
    }

    [Test]
    public async Task AcquireAsync_LayerStallsMidTransfer_FailsNamingBlobIdleTimeout(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value);
        registry.Stall = RegistryStall.LayerBody;

        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() =>
            Acquirers.Create(o => { o.BlobIdleTimeout = TimeSpan.FromSeconds(1); o.MaxAttempts = 2; }).AcquireAsync(Request(registry), null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.RegistryUnavailable));
        Assert.That(ex.Message, Does.Contain($"blob {registry.LargestLayer.Digest} stalled").And.Contain("ImageAcquisition:BlobIdleTimeout"));
        Assert.That(Directory.Exists(_work.Combine("rootfs", "usr")), Is.False);
    }

    private ImageAcquisitionRequest Request(FakeRegistry registry) => registry.Request(_work.Path);
}
