using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Registry;

/// <summary>Token authentication, resumed and failed transfers against a Kestrel registry that misbehaves.</summary>
[CancelAfter(60_000)]
public class FaultyRegistryTests
{
    private static readonly Lazy<BuiltImage> Image = new(() => new TestImage()
        .Layer(new TestLayer().File("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n").File("usr/share/big", RandomBytes(3 * 1024 * 1024)))
        .Layer(new TestLayer().File("etc/second", "2"))
        .Build());

    private TempDirectory _work = null!;

    [SetUp]
    public void SetUp() => _work = new TempDirectory();

    [TearDown]
    public void TearDown() => _work.Dispose();

    [Test]
    public async Task AcquireAsync_BearerChallenge_FetchesScopedTokenWithBasicCredentials(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value, ("robot", "pw"));
        var password = _work.Combine("pw");
        await File.WriteAllTextAsync(password, "pw", cancellationToken);

        var image = await Acquirers.Create().AcquireAsync(Request(registry) with { Username = "robot", PasswordFile = password }, null, cancellationToken);

        Assert.That(image.ImageId, Is.EqualTo(Image.Value.ConfigDigest));
        Assert.That(registry.TokenScopes, Has.All.EqualTo($"repository:{FakeRegistry.Repository}:pull service=fake-registry"));
    }

    [Test]
    public async Task AcquireAsync_TokenServiceRefusesCredentials_ThrowsUnauthorized(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value, ("robot", "pw"));

        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() => Acquirers.Create().AcquireAsync(Request(registry), null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.Unauthorized));
        Assert.That(ex.Message, Does.Contain("token service").And.Contain("anonymous"));
    }

    [Test]
    public async Task AcquireAsync_TransferCutTwice_ResumesWithRange(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value);
        registry.TruncateLayerTimes = 2;
        registry.ManifestFailures = 1;

        var image = await Acquirers.Create().AcquireAsync(Request(registry), null, cancellationToken);

        Assert.That(image.ImageId, Is.EqualTo(Image.Value.ConfigDigest));
        Assert.That(File.ReadAllBytes(Path.Combine(image.RootFileSystemPath, "usr/share/big")), Has.Length.EqualTo(3 * 1024 * 1024));
        Assert.That(registry.RangeHeaders, Has.Count.EqualTo(2));
        Assert.That(registry.RangeHeaders, Has.All.Match(@"^bytes=[1-9][0-9]*-$"));
    }

    [Test]
    public async Task AcquireAsync_TransferAlwaysCut_ThrowsDigestMismatchNamingTruncation(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value);
        registry.TruncateLayerTimes = int.MaxValue;

        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() => Acquirers.Create(o => o.MaxAttempts = 3).AcquireAsync(Request(registry), null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.DigestMismatch));
        Assert.That(ex.Message, Does.Contain("truncated").And.Contain(registry.LargestLayer.Digest));
        Assert.That(Directory.Exists(_work.Combine("rootfs")), Is.False, "a partial root is removed");
    }

    [Test]
    public async Task AcquireAsync_CorruptedBlob_ThrowsDigestMismatchBeforeUnpacking(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value);
        registry.CorruptLayer = true;

        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() => Acquirers.Create().AcquireAsync(Request(registry), null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.DigestMismatch));
        Assert.That(ex.Message, Does.Contain("hashes to"));
        Assert.That(Directory.Exists(_work.Combine("rootfs", "usr")), Is.False);
    }

    private ImageAcquisitionRequest Request(FakeRegistry registry) => registry.Request(_work.Path);

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
