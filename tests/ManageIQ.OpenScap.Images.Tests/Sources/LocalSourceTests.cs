using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Sources;

/// <summary>oci: layouts and docker-archive: files written by the tests.</summary>
[CancelAfter(60_000)]
public partial class LocalSourceTests
{
    private TempDirectory _directory = null!;

    [SetUp]
    public void SetUp() => _directory = new TempDirectory();

    [TearDown]
    public void TearDown() => _directory.Dispose();

    [Test]
    public async Task AcquireAsync_OciLayoutWithTag_UnpacksThatImage(CancellationToken cancellationToken)
    {
        var image = TestImages.Debian(TestManifestFormat.Oci);
        var other = new TestImage().Layer(new TestLayer().File("etc/other", "o")).Build();
        var layout = _directory.Combine("layout");
        other.WriteOciLayout(layout, "other");
        image.WriteOciLayout(layout, "12");

        var acquired = await Acquirers.Create().AcquireAsync(Request($"oci:{layout}:12"), null, cancellationToken);

        Assert.That(acquired.ImageId, Is.EqualTo(image.ConfigDigest));
        Assert.That(acquired.ManifestDigest, Is.EqualTo(image.ManifestDigest));
        Assert.That(acquired.RepoDigests, Is.Empty);
        Assert.That(acquired.OsRelease!.Id, Is.EqualTo("debian"));
        Assert.That(File.Exists(Path.Combine(acquired.RootFileSystemPath, "etc/other")), Is.False);
        Assert.That(File.Exists(Path.Combine(layout, "blobs", "sha256", image.Layers[0].Digest[7..])), Is.True, "layout blobs are left alone");
    }

    [Test]
    public async Task AcquireAsync_OciLayoutIndex_ResolvesPlatform(CancellationToken cancellationToken)
    {
        var index = BuiltIndex.Create(TestManifestFormat.Oci, TestImages.Debian(TestManifestFormat.Oci), TestImages.Debian(TestManifestFormat.Oci, "arm64", "arm64"));
        var layout = _directory.Combine("layout");
        index.WriteOciLayout(layout, "multi");

        var acquired = await Acquirers.Create().AcquireAsync(Request($"oci:{layout}:multi") with { Platform = ImagePlatform.Parse("linux/arm64") }, null, cancellationToken);

        Assert.That(File.ReadAllText(Path.Combine(acquired.RootFileSystemPath, "etc/platform-marker")), Is.EqualTo("arm64"));
    }

    [Test]
    public void AcquireAsync_OciLayoutWithSeveralImagesAndNoTag_AsksForOne(CancellationToken cancellationToken)
    {
        var layout = _directory.Combine("layout");
        new TestImage().Layer(new TestLayer().File("a", "a")).Build().WriteOciLayout(layout, "a");
        new TestImage().Layer(new TestLayer().File("b", "b")).Build().WriteOciLayout(layout, "b");

        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() => Acquirers.Create().AcquireAsync(Request($"oci:{layout}"), null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.InvalidRequest));
        Assert.That(ex.Message, Does.Contain("tags: a, b"));
    }

    [Test]
    public void AcquireAsync_NotALayout_ThrowsNotFound(CancellationToken cancellationToken)
    {
        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() => Acquirers.Create().AcquireAsync(Request($"oci:{_directory.Path}"), null, cancellationToken));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.NotFound));
        Assert.That(ex.Message, Does.Contain("not an OCI image layout"));
    }

    [Test]
    public async Task AcquireAsync_DockerArchive_UnpacksWithDiffIdCheck(CancellationToken cancellationToken)
    {
        var image = TestImages.Debian(TestManifestFormat.DockerV2);
        var archive = _directory.Combine("debian.tar");
        image.WriteDockerArchive(archive, "example.com/debian:12");

        var acquired = await Acquirers.Create().AcquireAsync(Request($"docker-archive:{archive}"), null, cancellationToken);

        Assert.That(acquired.ImageId, Is.EqualTo(image.ConfigDigest));
        Assert.That(acquired.ManifestDigest, Is.Null);
        Assert.That(acquired.LayerCount, Is.EqualTo(3));
        Assert.That(acquired.OsRelease!.VersionId, Is.EqualTo("12"));
        Assert.That(File.Exists(Path.Combine(acquired.RootFileSystemPath, "etc/issue.net")), Is.False);
        Assert.That(File.ReadAllText(Path.Combine(acquired.RootFileSystemPath, "etc/layer2.txt")), Is.EqualTo("layer 2\n"));
        Assert.That(Directory.Exists(_directory.Combine("work", "archive")), Is.False, "staged members are removed");
    }

    [Test]
    public async Task AcquireAsync_DockerArchiveByRepoTag_PicksIt(CancellationToken cancellationToken)
    {
        var image = new TestImage(TestManifestFormat.DockerV2).Layer(new TestLayer().File("etc/x", "x")).Build();
        var archive = _directory.Combine("x.tar");
        image.WriteDockerArchive(archive, "example.com/x:1");

        var acquired = await Acquirers.Create().AcquireAsync(Request($"docker-archive:{archive}:example.com/x:1"), null, cancellationToken);

        Assert.That(acquired.ImageId, Is.EqualTo(image.ConfigDigest));
    }

    [TestCase('x', 2_000_000_000L, ImageAcquisitionFailure.LimitExceeded, "limit MaxHeaderRecordBytes")]
    [TestCase('L', 2_000_000_000L, ImageAcquisitionFailure.LimitExceeded, "limit MaxHeaderRecordBytes")]
    [TestCase('S', 16L, ImageAcquisitionFailure.InvalidManifest, "not a valid docker archive")]
    public void AcquireAsync_DockerArchiveWithHostileHeader_FailsCleanly(char type, long size, ImageAcquisitionFailure failure, string message)
    {
        var archive = _directory.Combine("hostile.tar");
        File.WriteAllBytes(archive, new RawTar().Header("member", type, size).Data(new byte[16]).ToArray());

        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() => Acquirers.Create().AcquireAsync(Request($"docker-archive:{archive}"), null, CancellationToken.None));

        Assert.That(ex!.Failure, Is.EqualTo(failure));
        Assert.That(ex.Message, Does.Contain(message));
        Assert.That(Directory.Exists(_directory.Combine("work", "archive")), Is.False, "staged members are removed");
    }

    [Test]
    public void AcquireAsync_DockerArchiveMembersOverTheLimits_FailsCleanly()
    {
        var archive = _directory.Combine("many.tar");
        var tar = new RawTar();
        for (var i = 0; i < 50; i++)
        {
            tar.File($"member-{i}", "x");
        }

        File.WriteAllBytes(archive, tar.ToArray());
        var request = Request($"docker-archive:{archive}") with { Limits = new UnpackLimits { MaxEntries = 20 } };

        var ex = Assert.ThrowsAsync<ImageAcquisitionException>(() => Acquirers.Create().AcquireAsync(request, null, CancellationToken.None));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.LimitExceeded));
        Assert.That(ex.Message, Does.Contain("limit MaxEntries"));
    }

    private ImageAcquisitionRequest Request(string source) => new()
    {
        Source = ImageSource.Parse(source),
        WorkDirectory = _directory.Combine("work"),
    };
}
