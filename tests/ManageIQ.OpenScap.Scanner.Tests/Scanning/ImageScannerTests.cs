using System.Diagnostics;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Scanner.Scanning;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ManageIQ.OpenScap.Scanner.Tests.Scanning;

/// <summary>
/// The pipeline with the real oscap, the real SSG Debian 12 content and a hand-written CVE feed served
/// bzip2-compressed over loopback HTTP; only image acquisition is replaced (it has its own tests).
/// </summary>
[CancelAfter(180_000)]
public class ImageScannerTests
{
    private const string Image = "127.0.0.1:5000/test/synthetic:12";

    [Test]
    public async Task ScanAsync_FeedServedOverHttp_FindsTheCveAndRevalidatesTheFeedNextTime()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("work", "image", "rootfs");
        SyntheticDebianRoot.Write(root);
        await using var server = await FeedServer.StartAsync(await Bzip2Async(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "cve-feed-bookworm.xml")));
        await using var services = ScannerServices.Build(directory, acquirer: Acquirer(root, new OsRelease { Id = "debian", VersionId = "12" }), policy: CveFeedPolicy.Required);
        var scanner = services.GetRequiredService<IImageScanner>();
        var progress = new List<ScanProgress>();
        var request = Request(directory) with { ContentOverride = new(CveFeed: server.FeedUri("oval-definitions-bookworm.xml.bz2").ToString()) };

        var first = await scanner.ScanAsync(request, new SynchronousProgress(progress), CancellationToken.None);

        Assert.That(first.Outcome, Is.EqualTo(ScanOutcome.Completed), first.ErrorMessage);
        Assert.That(first.OscapExitCode, Is.EqualTo(2));
        Assert.That(first.Content!.Tailoring, Is.EqualTo("xccdf_org.manageiq.openscap_profile_standard_with_cve_feed"));
        Assert.That(first.Content.CveFeedMode, Is.EqualTo("local-files"));
        Assert.That(first.Content.CveFeedVersion, Is.Not.Null, "the feed's ETag or Last-Modified");
        Assert.That(first.Content.DataStream, Is.EqualTo("ssg-debian12-ds.xml"));
        Assert.That(first.Content.BenchmarkVersion, Is.Not.Null.And.Not.Empty);
        var failed = first.Summary!.FailedRules.Where(r => r.Id.EndsWith("security_patches_up_to_date", StringComparison.Ordinal)).ToList();
        Assert.That(failed.Select(r => r.Check), Is.EqualTo(new[] { "oval:org.debian:def:100" }), "openssl 3.0.11 is older than the fix; bash is not");
        Assert.That(first.Summary.Cves.Select(c => c.Id), Does.Contain("CVE-2024-5535"));
        Assert.That(File.Exists(Path.Combine(directory.Combine("results"), InspectorArtifacts.Summary)), Is.True);
        Assert.That(progress.Select(p => p.Stage), Does.Contain(ScanStage.Scanning).And.Contain(ScanStage.PreparingContent));
        Assert.That(progress[^1].Stage, Is.EqualTo(ScanStage.Finished));

        var second = await scanner.ScanAsync(request, null, CancellationToken.None);
        Assert.That(second.Outcome, Is.EqualTo(ScanOutcome.Completed), second.ErrorMessage);
        Assert.That(second.Content!.ToString(), Is.EqualTo(first.Content.ToString()), "the same feed version: the same fingerprint");
        Assert.That(server.Requests.Select(r => r.Status), Is.EqualTo(new[] { 200, 304 }));
        Assert.That(second.Summary!.Cves.Select(c => c.Id), Does.Contain("CVE-2024-5535"));
    }

    [Test]
    public async Task ScanAsync_DataStreamWithoutFeedReference_EvaluatesTheGzipFeedSeparately()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("rootfs");
        SyntheticDebianRoot.Write(root);
        var feed = directory.Combine("feed.xml.gz");
        await using (var gzip = new System.IO.Compression.GZipStream(File.Create(feed), System.IO.Compression.CompressionLevel.Fastest))
        {
            await using var source = File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "cve-feed-bookworm.xml"));
            await source.CopyToAsync(gzip);
        }

        await using var services = ScannerServices.Build(directory, acquirer: Acquirer(root, new OsRelease { Id = "debian", VersionId = "12" }), policy: CveFeedPolicy.Required);
        var request = Request(directory) with { ContentOverride = new(DataStream: ScapContent.Find("ssg-debian11-ds.xml"), CveFeed: feed) };

        var result = await services.GetRequiredService<IImageScanner>().ScanAsync(request, null, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Completed), result.ErrorMessage);
        Assert.That(result.Content!.CveFeedMode, Is.EqualTo("oval-eval"));
        Assert.That(result.Summary!.Cves.Select(c => c.Id), Does.Contain("CVE-2024-5535"), "the separate OVAL results are merged into the summary");
        var oval = File.ReadAllText(result.Artifacts.CveOvalResults!);
        Assert.That(oval, Does.Contain("definition_id=\"oval:org.debian:def:100\" result=\"true\""));
        Assert.That(oval, Does.Contain("definition_id=\"oval:org.debian:def:101\" result=\"false\""));
    }

    [Test]
    public async Task ScanAsync_RequiredFeedUnreachable_FailsWithoutRunningOscap()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("rootfs");
        SyntheticDebianRoot.Write(root);
        await using var server = await FeedServer.StartAsync([]);
        server.ForcedStatus = 503;
        await using var services = ScannerServices.Build(directory, acquirer: Acquirer(root, new OsRelease { Id = "debian", VersionId = "12" }), policy: CveFeedPolicy.Required);
        var request = Request(directory) with { ContentOverride = new(CveFeed: server.FeedUri("oval-definitions-bookworm.xml.bz2").ToString()) };

        var result = await services.GetRequiredService<IImageScanner>().ScanAsync(request, null, CancellationToken.None);

        Assert.That(result.ErrorKind, Is.EqualTo(ScanErrorKind.OpenScapFailed));
        Assert.That(result.ErrorMessage, Does.Contain("503"));
        Assert.That(result.Artifacts.Arf, Is.Null);
    }

    [Test]
    public async Task ScanAsync_DistributionWithoutContent_ReportsNoContent()
    {
        using var directory = new TempDirectory();
        var root = Directory.CreateDirectory(directory.Combine("rootfs")).FullName;
        await using var services = ScannerServices.Build(directory, acquirer: Acquirer(root, new OsRelease { Id = "alpine", VersionId = "3.19.1" }));

        var result = await services.GetRequiredService<IImageScanner>().ScanAsync(Request(directory), null, CancellationToken.None);

        Assert.That(result.ErrorKind, Is.EqualTo(ScanErrorKind.NoContent));
        Assert.That(result.ErrorMessage, Is.EqualTo("no SCAP content for alpine 3.19.1"));
        Assert.That(result.Image, Is.Not.Null);
    }

    [Test]
    public async Task ScanAsync_AcquisitionFails_ReportsImageAcquireError()
    {
        using var directory = new TempDirectory();
        var acquirer = new Mock<IImageAcquirer>();
        acquirer.Setup(a => a.AcquireAsync(It.IsAny<ImageAcquisitionRequest>(), It.IsAny<IProgress<AcquisitionProgress>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ImageAcquisitionException(ImageAcquisitionFailure.NotFound, Image, "manifest unknown"));
        await using var services = ScannerServices.Build(directory, acquirer: acquirer.Object);

        var result = await services.GetRequiredService<IImageScanner>().ScanAsync(Request(directory), null, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Failed));
        Assert.That(result.ErrorKind, Is.EqualTo(ScanErrorKind.ImageAcquireFailed));
        Assert.That(result.ErrorMessage, Does.Contain("manifest unknown"));
    }

    [Test]
    public async Task ScanAsync_HtmlReportRequested_SummaryIsWrittenWhileTheReportRenders()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("rootfs");
        SyntheticDebianRoot.Write(root);
        var arf = RepositoryRoot.Combine("tests", "ManageIQ.OpenScap.Scap.Tests", "Fixtures", "mini-arf.xml.gz");
        // The report step finishes only once summary.json exists: run one after the other, it fails.
        var oscap = FakeOscap.Write(directory,
            "if [ \"$2\" = generate ]; then\n" +
            "  html=''; prev=''; for a in \"$@\"; do [ \"$prev\" = --output ] && html=\"$a\"; prev=\"$a\"; done\n" +
            "  i=0; while [ ! -s \"$(dirname \"$html\")/summary.json\" ]; do i=$((i+1)); [ $i -gt 300 ] && exit 1; sleep 0.1; done\n" +
            "  echo '<html></html>' > \"$html\"; exit 0\n" +
            "fi\n" +
            $"gzip -dc '{arf}' > \"$arf\"; exit 2");
        await using var services = ScannerServices.Build(directory, oscapExecutable: oscap, acquirer: Acquirer(root, new OsRelease { Id = "debian", VersionId = "12" }), policy: CveFeedPolicy.Disabled);

        var result = await services.GetRequiredService<IImageScanner>().ScanAsync(Request(directory) with { HtmlReport = true }, null, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Completed), result.ErrorMessage);
        Assert.That(result.Artifacts.Html, Is.Not.Null, string.Join(" | ", result.Notes));
        Assert.That(result.Summary, Is.Not.Null);
        Assert.That(result.Timings.Ready, Is.GreaterThan(TimeSpan.Zero).And.LessThan(result.Timings.Total));
        Assert.That(result.Timings.Report, Is.GreaterThan(TimeSpan.Zero));
    }

    private static ImageScanRequest Request(TempDirectory directory) => new()
    {
        Acquisition = new ImageAcquisitionRequest { Source = ImageSource.Parse(Image), WorkDirectory = ImageScanRequest.ImageDirectory(directory.Combine("work")) },
        WorkDirectory = directory.Combine("work"),
        ResultsDirectory = directory.Combine("results"),
    };

    internal static IImageAcquirer Acquirer(string root, OsRelease osRelease)
    {
        var acquirer = new Mock<IImageAcquirer>();
        acquirer.Setup(a => a.AcquireAsync(It.IsAny<ImageAcquisitionRequest>(), It.IsAny<IProgress<AcquisitionProgress>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AcquiredImage
            {
                Source = ImageSource.Parse(Image),
                RootFileSystemPath = root,
                ImageId = "sha256:" + new string('a', 64),
                OsRelease = osRelease,
                Platform = ImagePlatform.LinuxAmd64,
            });
        return acquirer.Object;
    }

    internal static async Task<byte[]> Bzip2Async(string path)
    {
        var psi = new ProcessStartInfo("bzip2", ["-c", path]) { RedirectStandardOutput = true };
        using var process = Process.Start(psi)!;
        using var buffer = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(buffer);
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, "bzip2 failed");
        return buffer.ToArray();
    }

    private sealed class SynchronousProgress(List<ScanProgress> reports) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => reports.Add(value);
    }
}
