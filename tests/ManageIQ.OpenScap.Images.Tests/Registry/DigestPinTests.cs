using System.Security.Cryptography;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Registry;

/// <summary>A digest pin is verified whatever its algorithm, or refused: never silently left unchecked.</summary>
[CancelAfter(60_000)]
public class DigestPinTests
{
    private static readonly Lazy<BuiltImage> Image = new(() => new TestImage().Layer(new TestLayer().File("etc/os-release", "ID=debian\n")).Build());
    private TempDirectory _work = null!;

    [SetUp]
    public void SetUp() => _work = new TempDirectory();

    [TearDown]
    public void TearDown() => _work.Dispose();

    [Test]
    public async Task AcquireAsync_Sha512PinOfTheManifest_Pulls(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value);
        var pin = "sha512:" + Convert.ToHexStringLower(SHA512.HashData(Image.Value.Manifest));

        var image = await Acquirers.Create().AcquireAsync(Request(registry, pin), null, cancellationToken);

        Assert.That(image.ImageId, Is.EqualTo(Image.Value.ConfigDigest));
        Assert.That(image.ManifestDigest, Is.EqualTo(Image.Value.ManifestDigest));
    }

    [Test]
    public async Task AcquireAsync_Sha512PinOfAnotherManifest_ThrowsDigestMismatch(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value);
        var pin = "sha512:" + new string('a', 128);

        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() => Acquirers.Create().AcquireAsync(Request(registry, pin), null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.DigestMismatch));
        Assert.That(ex.Message, Does.Contain(pin).And.Contain("hashes to sha512:"));
    }

    [Test]
    public async Task AcquireAsync_PinWithUnverifiableAlgorithm_IsRefusedBeforeAnyManifestRequest(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value);
        var pin = "md5:" + new string('0', 32);

        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() => Acquirers.Create().AcquireAsync(Request(registry, pin), null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.InvalidRequest));
        Assert.That(ex.Message, Does.Contain("'md5'").And.Contain("sha256").And.Contain("sha512"));
        Assert.That(registry.ManifestRequests, Is.Zero);
    }

    private ImageAcquisitionRequest Request(FakeRegistry registry, string pin) => registry.Request(_work.Path, "@" + pin);
}
