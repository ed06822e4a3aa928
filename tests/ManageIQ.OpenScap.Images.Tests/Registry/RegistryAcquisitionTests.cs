using System.Text;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Registry;

/// <summary>Pulls from Debian's real docker-registry on 127.0.0.1, anonymous and behind htpasswd.</summary>
[CancelAfter(120_000)]
public class RegistryAcquisitionTests
{
    private const string User = "scanner";
    private const string Secret = "s3cret-Pa55";
    private LoopbackRegistry _open = null!;
    private LoopbackRegistry _locked = null!;
    private BuiltImage _oci = null!;
    private BuiltImage _docker = null!;
    private BuiltIndex _ociIndex = null!;
    private BuiltIndex _dockerList = null!;
    private TempDirectory _work = null!;

    [OneTimeSetUp]
    public async Task StartRegistries()
    {
        _open = await LoopbackRegistry.StartAsync();
        _locked = await LoopbackRegistry.StartAsync(User, Secret);
        _oci = TestImages.Debian(TestManifestFormat.Oci);
        _docker = TestImages.Debian(TestManifestFormat.DockerV2);
        _ociIndex = BuiltIndex.Create(TestManifestFormat.Oci, _oci, TestImages.Debian(TestManifestFormat.Oci, "arm64", "arm64"));
        _dockerList = BuiltIndex.Create(TestManifestFormat.DockerV2, _docker, TestImages.Debian(TestManifestFormat.DockerV2, "arm64", "arm64"));
        await _open.PushAsync("test/debian", "oci", _oci);
        await _open.PushAsync("test/debian", "v2s2", _docker);
        await _open.PushIndexAsync("test/debian", "oci-index", _ociIndex);
        await _open.PushIndexAsync("test/debian", "v2s2-list", _dockerList);
        await _locked.PushAsync("private/debian", "12", _oci);
    }

    [OneTimeTearDown]
    public async Task StopRegistries()
    {
        await _open.DisposeAsync();
        await _locked.DisposeAsync();
    }

    [SetUp]
    public void SetUp() => _work = new TempDirectory();

    [TearDown]
    public void TearDown() => _work.Dispose();

    [Test]
    public async Task AcquireAsync_OciImageWithWhiteouts_UnpacksAllLayers(CancellationToken cancellationToken)
    {
        var progress = new List<AcquisitionProgress>();

        var image = await Acquirers.Create().AcquireAsync(Request(_open, "test/debian:oci"), new SynchronousProgress(progress), cancellationToken);

        var root = image.RootFileSystemPath;
        Assert.That(root, Is.EqualTo(_work.Combine("rootfs")));
        Assert.That(File.Exists(Path.Combine(root, "etc/issue.net")), Is.False, "whiteout");
        Assert.That(File.Exists(Path.Combine(root, "var/cache/apt/pkgcache.bin")), Is.False, "opaque whiteout");
        Assert.That(File.ReadAllText(Path.Combine(root, "var/cache/apt/fresh")), Is.EqualTo("fresh"));
        Assert.That(File.ReadAllText(Path.Combine(root, "etc/platform-marker")), Is.EqualTo("amd64"));
        Assert.That(File.Exists(Path.Combine(root, "var/lib/dpkg/status")), Is.True);
        Assert.That(image.ImageId, Is.EqualTo(_oci.ConfigDigest));
        Assert.That(image.ManifestDigest, Is.EqualTo(_oci.ManifestDigest));
        Assert.That(image.RepoDigests, Is.EqualTo(new[] { $"{_open.Host}/test/debian@{_oci.ManifestDigest}" }));
        Assert.That(image.OsRelease!.Id, Is.EqualTo("debian"));
        Assert.That(image.OsRelease.VersionId, Is.EqualTo("12"));
        Assert.That(image.LayerCount, Is.EqualTo(3));
        Assert.That(image.LayerBytes, Is.EqualTo(_oci.Layers.Sum(l => l.Size)));
        Assert.That(image.Platform, Is.EqualTo(ImagePlatform.LinuxAmd64));
        Assert.That(progress.Select(p => p.Phase).Distinct(), Is.EqualTo(new[] { AcquisitionPhase.Resolving, AcquisitionPhase.PullingLayer, AcquisitionPhase.Unpacking, AcquisitionPhase.Done }));
        Assert.That(progress.Where(p => p.Phase == AcquisitionPhase.PullingLayer).Max(p => p.BytesDone), Is.EqualTo(_oci.Layers.Max(l => l.Size)));
        Assert.That(Directory.Exists(_work.Combine("blobs")), Is.False, "downloaded blobs are removed");
    }

    [Test]
    public async Task AcquireAsync_DockerSchema2_Unpacks(CancellationToken cancellationToken)
    {
        var image = await Acquirers.Create().AcquireAsync(Request(_open, "test/debian:v2s2"), null, cancellationToken);

        Assert.That(image.ImageId, Is.EqualTo(_docker.ConfigDigest));
        Assert.That(File.Exists(Path.Combine(image.RootFileSystemPath, "etc/issue.net")), Is.False);
        Assert.That(image.OsRelease!.Id, Is.EqualTo("debian"));
    }

    [TestCase("oci-index", "linux/amd64", "amd64")]
    [TestCase("oci-index", "linux/arm64", "arm64")]
    [TestCase("v2s2-list", "linux/amd64", "amd64")]
    [TestCase("v2s2-list", "linux/arm64/v8", "arm64")]
    public async Task AcquireAsync_MultiPlatformImage_PicksRequestedPlatform(string tag, string platform, string marker, CancellationToken cancellationToken)
    {
        var index = tag == "oci-index" ? _ociIndex : _dockerList;

        var image = await Acquirers.Create().AcquireAsync(Request(_open, "test/debian:" + tag) with { Platform = ImagePlatform.Parse(platform) }, null, cancellationToken);

        Assert.That(File.ReadAllText(Path.Combine(image.RootFileSystemPath, "etc/platform-marker")), Is.EqualTo(marker));
        Assert.That(image.RepoDigests, Is.EqualTo(new[] { $"{_open.Host}/test/debian@{index.Digest}" }), "the repo digest is the index's");
        Assert.That(image.ManifestDigest, Is.EqualTo(index.Images.Single(i => i.Architecture == marker).ManifestDigest));
        Assert.That(image.Platform.Architecture, Is.EqualTo(marker));
    }

    [Test]
    public void AcquireAsync_PlatformMissingFromIndex_ThrowsPlatformNotFound(CancellationToken cancellationToken)
    {
        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() =>
            Acquirers.Create().AcquireAsync(Request(_open, "test/debian:oci-index") with { Platform = ImagePlatform.Parse("linux/s390x") }, null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.PlatformNotFound));
        Assert.That(ex.Message, Does.Contain("linux/s390x").And.Contain("linux/arm64/v8").And.Contain("test/debian:oci-index"));
        Assert.That(Directory.Exists(_work.Combine("rootfs")), Is.False);
    }

    [Test]
    public async Task AcquireAsync_ByDigest_PullsThatManifest(CancellationToken cancellationToken)
    {
        var image = await Acquirers.Create().AcquireAsync(Request(_open, "test/debian@" + _docker.ManifestDigest), null, cancellationToken);

        Assert.That(image.ImageId, Is.EqualTo(_docker.ConfigDigest));
    }

    [Test]
    public void AcquireAsync_UnknownTag_ThrowsNotFound(CancellationToken cancellationToken)
    {
        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() => Acquirers.Create().AcquireAsync(Request(_open, "test/debian:nope"), null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.NotFound));
        Assert.That(ex.Message, Does.Contain("MANIFEST_UNKNOWN"));
    }

    [Test]
    public void AcquireAsync_RegistryNotMarkedInsecure_RefusesPlainHttp(CancellationToken cancellationToken)
    {
        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() =>
            Acquirers.Create().AcquireAsync(Request(_open, "test/debian:oci") with { InsecureRegistries = [] }, null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.RegistryUnavailable));
        Assert.That(ex.Message, Does.Contain("HTTPS"));
    }

    [Test]
    public async Task AcquireAsync_UsernameAndPasswordFile_PullsFromAuthenticatedRegistry(CancellationToken cancellationToken)
    {
        var passwordFile = _work.Combine("password");
        await File.WriteAllTextAsync(passwordFile, Secret + "\n", cancellationToken);

        var image = await Acquirers.Create().AcquireAsync(Request(_locked, "private/debian:12") with { Username = User, PasswordFile = passwordFile }, null, cancellationToken);

        Assert.That(image.ImageId, Is.EqualTo(_oci.ConfigDigest));
    }

    [Test]
    public void AcquireAsync_WrongPassword_ThrowsUnauthorizedWithoutTheSecret(CancellationToken cancellationToken)
    {
        var passwordFile = _work.Combine("password");
        File.WriteAllText(passwordFile, "wrong-" + Secret);

        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() =>
            Acquirers.Create().AcquireAsync(Request(_locked, "private/debian:12") with { Username = User, PasswordFile = passwordFile }, null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.Unauthorized));
        Assert.That(ex.ToString(), Does.Not.Contain(Secret).And.Not.Contain(Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":wrong-" + Secret))));
        Assert.That(ex.Message, Does.Contain("private/debian").And.Contain("user name and password file"));
    }

    [Test]
    public void AcquireAsync_NoCredentials_ThrowsUnauthorized(CancellationToken cancellationToken)
    {
        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() => Acquirers.Create().AcquireAsync(Request(_locked, "private/debian:12"), null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.Unauthorized));
        Assert.That(ex.Message, Does.Contain("requires credentials"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task AcquireAsync_DockerConfigFile_UsesMatchingEntry(bool legacyFormat, CancellationToken cancellationToken)
    {
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Secret}"));
        var wrong = Convert.ToBase64String(Encoding.UTF8.GetBytes("other:nope"));
        var entries = $"\"quay.io\":{{\"auth\":\"{wrong}\"}},\"http://{_locked.Host}\":{{\"auth\":\"{auth}\",\"email\":\"x@example.com\"}}";
        var path = _work.Combine(legacyFormat ? ".dockercfg" : "config.json");
        await File.WriteAllTextAsync(path, legacyFormat ? "{" + entries + "}" : "{\"auths\":{" + entries + "}}", cancellationToken);

        var image = await Acquirers.Create().AcquireAsync(Request(_locked, "private/debian:12") with { DockerConfigFiles = [path] }, null, cancellationToken);

        Assert.That(image.ImageId, Is.EqualTo(_oci.ConfigDigest));
    }

    [Test]
    public async Task AcquireAsync_IfNotPresentTwice_ReusesTheUnpackedRoot(CancellationToken cancellationToken)
    {
        var acquirer = Acquirers.Create();
        var first = await acquirer.AcquireAsync(Request(_open, "test/debian:oci"), null, cancellationToken);
        File.WriteAllText(Path.Combine(first.RootFileSystemPath, "etc/kept-by-reuse"), "x");

        var second = await acquirer.AcquireAsync(Request(_open, "test/debian:oci"), null, cancellationToken);
        var third = await acquirer.AcquireAsync(Request(_open, "test/debian:oci") with { PullPolicy = PullPolicy.Always }, null, cancellationToken);

        Assert.That(first.Reused, Is.False);
        Assert.That(second.Reused, Is.True);
        Assert.That(second.ImageId, Is.EqualTo(first.ImageId));
        Assert.That(second.RepoDigests, Is.EqualTo(first.RepoDigests));
        Assert.That(second.OsRelease!.Id, Is.EqualTo("debian"));
        Assert.That(third.Reused, Is.False);
        Assert.That(File.Exists(Path.Combine(third.RootFileSystemPath, "etc/kept-by-reuse")), Is.False, "always pulls afresh");
    }

    [Test]
    public void AcquireAsync_NeverWithoutPriorUnpack_ThrowsNotPresent(CancellationToken cancellationToken)
    {
        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() =>
            Acquirers.Create().AcquireAsync(Request(_open, "test/debian:oci") with { PullPolicy = PullPolicy.Never }, null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.NotPresent));
    }

    [Test]
    public void AcquireAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(() => Acquirers.Create().AcquireAsync(Request(_open, "test/debian:oci"), null, cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    private ImageAcquisitionRequest Request(LoopbackRegistry registry, string repositoryAndTag) => new()
    {
        Source = ImageSource.Parse($"{registry.Host}/{repositoryAndTag}"),
        WorkDirectory = _work.Path,
        InsecureRegistries = [registry.Host],
    };
}
