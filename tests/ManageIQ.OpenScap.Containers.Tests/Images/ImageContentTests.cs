using ManageIQ.OpenScap.Containers.Tests.Support;

namespace ManageIQ.OpenScap.Containers.Tests.Images;

/// <summary>What the two images built by tests/containers.sh hold and whom they run as.</summary>
[CancelAfter(300_000)]
public sealed class ImageContentTests
{
    private const long InspectorSizeLimit = 400_000_000;
    private const string ContentDirectory = "/usr/share/xml/scap/ssg/content";

    [Test]
    public void Inspector_Size_IsUnder400MegabytesUncompressed()
    {
        var size = ContainerImages.Sizes[ContainerImages.Inspector];
        TestContext.Out.WriteLine($"{ContainerImages.Inspector}: {size} bytes; {ContainerImages.Bridge}: {ContainerImages.Sizes[ContainerImages.Bridge]} bytes");
        Assert.That(size, Is.LessThan(InspectorSizeLimit));
    }

    [TestCase("inspector", "10001:0")]
    [TestCase("bridge", "65532:0")]
    public async Task Image_User_IsTheFixedNonRootUserInGroupZero(string image, string user, CancellationToken cancellationToken)
    {
        var configured = await Podman.CheckAsync(["image", "inspect", "--format={{.Config.User}}", Tag(image)], cancellationToken);
        Assert.That(configured.Trim(), Is.EqualTo(user));
    }

    [Test]
    public async Task Inspector_Content_IsTheDebianAndUbuntuDataStreamsOnly(CancellationToken cancellationToken)
    {
        var files = (await RunAsync(ContainerImages.Inspector, "find", [ContentDirectory, "-type", "f", "-printf", "%f\\n"], cancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(files, Has.All.Match(@"^ssg-(debian|ubuntu)\d+-ds\.xml$"));
        Assert.That(files, Does.Contain("ssg-debian12-ds.xml").And.Contain("ssg-ubuntu2204-ds.xml"));
    }

    [Test]
    public async Task Inspector_Tools_AreOscapAndTheCaCertificates(CancellationToken cancellationToken)
    {
        var version = await RunAsync(ContainerImages.Inspector, "oscap", ["--version"], cancellationToken);
        var bundle = await RunAsync(ContainerImages.Inspector, "grep", ["-c", "BEGIN CERTIFICATE", "/etc/ssl/certs/ca-certificates.crt"], cancellationToken);

        Assert.That(version, Does.Contain("OpenSCAP command line tool"));
        Assert.That(int.Parse(bundle.Trim(), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(100));
    }

    [TestCase("inspector", "/app/ManageIQ.OpenScap.Inspector")]
    [TestCase("bridge", "/app/ManageIQ.OpenScap.Bridge")]
    public async Task Image_Program_IsASelfContainedPublishWithoutASharedRuntime(string image, string program, CancellationToken cancellationToken)
    {
        var listing = await RunAsync(Tag(image), "sh", ["-c", $"test -x {program} && ls /app && (command -v dotnet || echo no-dotnet)"], cancellationToken);

        Assert.That(listing, Does.Contain("libcoreclr.so").And.Contain("no-dotnet"));
    }

    private static string Tag(string image) => image == "bridge" ? ContainerImages.Bridge : ContainerImages.Inspector;

    private static Task<string> RunAsync(string image, string entrypoint, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        Podman.CheckAsync(["run", "--rm", "--network=host", "--pull=never", "--read-only", "--entrypoint=" + entrypoint, image, .. arguments], cancellationToken);
}
