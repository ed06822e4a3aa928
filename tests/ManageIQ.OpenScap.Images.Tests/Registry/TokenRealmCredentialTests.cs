using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Registry;

/// <summary>
/// Credentials reach a token realm only on the registry's own host or a configured auth server. The
/// registry listens as 127.0.0.1, its token server on another port named localhost: another host to the client.
/// </summary>
[CancelAfter(60_000)]
public class TokenRealmCredentialTests
{
    private static readonly Lazy<BuiltImage> Image = new(() => new TestImage().Layer(new TestLayer().File("etc/os-release", "ID=debian\n")).Build());
    private TempDirectory _work = null!;
    private string _passwordFile = null!;

    [SetUp]
    public void SetUp()
    {
        _work = new TempDirectory();
        _passwordFile = _work.Combine("pw");
        File.WriteAllText(_passwordFile, "pw");
    }

    [TearDown]
    public void TearDown() => _work.Dispose();

    [Test]
    public async Task AcquireAsync_RealmOnAnotherHost_RequestsTokenWithoutCredentials(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value);
        await using var tokens = await FakeRegistry.StartAsync(Image.Value, ("robot", "pw"));
        registry.RealmAuthority = "localhost:" + Port(tokens);

        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() => Acquirers.Create().AcquireAsync(Request(registry, tokens), null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.Unauthorized));
        Assert.That(ex.Message, Does.Contain("withheld").And.Contain("ImageAcquisition:AuthServers"));
        Assert.That(tokens.TokenAuthorizations, Is.Not.Empty);
        Assert.That(tokens.TokenAuthorizations, Has.All.Empty, "no Authorization header reached the foreign realm");
    }

    [Test]
    public async Task AcquireAsync_RealmOnConfiguredAuthServer_SendsCredentials(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value);
        await using var tokens = await FakeRegistry.StartAsync(Image.Value, ("robot", "pw"));
        registry.RealmAuthority = "localhost:" + Port(tokens);
        var acquirer = Acquirers.Create(o => o.AuthServers.Add(new RegistryAuthServer { Registry = registry.Host, AuthHost = "localhost" }));

        var image = await acquirer.AcquireAsync(Request(registry, tokens), null, cancellationToken);

        Assert.That(image.ImageId, Is.EqualTo(Image.Value.ConfigDigest));
        Assert.That(tokens.TokenAuthorizations, Has.Some.StartsWith("Basic "));
    }

    [Test]
    public async Task AcquireAsync_RealmOnRegistryHostOtherPort_SendsCredentials(CancellationToken cancellationToken)
    {
        await using var registry = await FakeRegistry.StartAsync(Image.Value);
        await using var tokens = await FakeRegistry.StartAsync(Image.Value, ("robot", "pw"));
        registry.RealmAuthority = tokens.Host;

        var image = await Acquirers.Create().AcquireAsync(Request(registry, tokens), null, cancellationToken);

        Assert.That(image.ImageId, Is.EqualTo(Image.Value.ConfigDigest));
        Assert.That(tokens.TokenAuthorizations, Has.Some.StartsWith("Basic "));
    }

    private ImageAcquisitionRequest Request(FakeRegistry registry, FakeRegistry tokens) => registry.Request(_work.Path) with
    {
        Username = "robot",
        PasswordFile = _passwordFile,
        InsecureRegistries = ["http://" + registry.Host, "http://" + tokens.Host, "http://localhost:" + Port(tokens)],
    };

    private static int Port(FakeRegistry server) => new Uri("http://" + server.Host).Port;
}
