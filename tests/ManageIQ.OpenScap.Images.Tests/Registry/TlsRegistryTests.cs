using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Registry;

/// <summary>HTTPS registries: a private CA through the CA file, refusal without it, insecure mode.</summary>
[CancelAfter(60_000)]
public class TlsRegistryTests
{
    private static readonly Lazy<BuiltImage> Image = new(() => new TestImage().Layer(new TestLayer().File("etc/os-release", "ID=debian\n")).Build());
    private TempDirectory _work = null!;
    private TestCertificates _certificates = null!;

    [SetUp]
    public void SetUp()
    {
        _work = new TempDirectory();
        _certificates = new TestCertificates();
    }

    [TearDown]
    public void TearDown()
    {
        _certificates.Dispose();
        _work.Dispose();
    }

    [Test]
    public async Task AcquireAsync_CaFileTrustsPrivateCa_PullsOverHttps(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value, serverCertificate: _certificates.Server);
        var caFile = _work.Combine("ca.pem");
        _certificates.WriteAuthorityPem(caFile);

        var image = await Acquirers.Create().AcquireAsync(Request(registry) with { CaFile = caFile }, null, cancellationToken);

        Assert.That(registry.Scheme, Is.EqualTo("https"));
        Assert.That(image.ImageId, Is.EqualTo(Image.Value.ConfigDigest));
    }

    [Test]
    public async Task AcquireAsync_UntrustedCertificate_IsRefused(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value, serverCertificate: _certificates.Server);

        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() => Acquirers.Create().AcquireAsync(Request(registry), null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.RegistryUnavailable));
        Assert.That(ex.Message, Does.Contain(registry.Host).And.Contain("HTTPS"));
    }

    [Test]
    public async Task AcquireAsync_InsecureRegistry_AcceptsUntrustedHttps(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value, serverCertificate: _certificates.Server);

        var image = await Acquirers.Create().AcquireAsync(Request(registry) with { InsecureRegistries = [registry.Host] }, null, cancellationToken);

        Assert.That(image.ImageId, Is.EqualTo(Image.Value.ConfigDigest));
    }

    [Test]
    public async Task AcquireAsync_InsecureEntryForAnotherPortOfTheHost_KeepsCertificateChecks(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value, serverCertificate: _certificates.Server);
        var port = new Uri("https://" + registry.Host).Port;
        var otherPort = $"127.0.0.1:{(port == 65535 ? port - 1 : port + 1)}";

        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() =>
            Acquirers.Create().AcquireAsync(Request(registry) with { InsecureRegistries = [otherPort] }, null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.RegistryUnavailable));
        Assert.That(ex.Message, Does.Contain(registry.Host).And.Contain("HTTPS"));
    }

    [Test]
    public async Task AcquireAsync_MissingCaFile_ThrowsInvalidRequest(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value, serverCertificate: _certificates.Server);

        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() =>
            Acquirers.Create().AcquireAsync(Request(registry) with { CaFile = _work.Combine("absent.pem") }, null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.InvalidRequest));
        Assert.That(ex.Message, Does.Contain("absent.pem"));
    }

    private ImageAcquisitionRequest Request(FakeRegistry registry) => new()
    {
        Source = ImageSource.Parse($"{registry.Host}/{FakeRegistry.Repository}:1"),
        WorkDirectory = _work.Path,
    };
}
