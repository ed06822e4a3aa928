using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Scanner.Scanning;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Scanner.Tests.Scanning;

/// <summary>
/// The scan with the real oscap and SSG Debian 12 content, a 500-definition synthetic feed served over loopback HTTP,
/// slimmed (the default) and whole: the same vulnerable definitions, and the slim ARF holds only the kept ones.
/// </summary>
[CancelAfter(240_000)]
public class FeedSlimmingScanTests
{
    private const int Definitions = 500;

    [Test]
    public async Task ScanAsync_SlimAndWholeFeed_FindTheSameVulnerableDefinitions()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("rootfs");
        SyntheticDebianRoot.Write(root);
        var feed = directory.Combine("feed.xml");
        SyntheticCveFeed.Write(feed, Definitions, SyntheticDebianRoot.DefaultPackages);
        await using var server = await FeedServer.StartAsync(await ImageScannerTests.Bzip2Async(feed));
        var location = server.FeedUri("oval-definitions-bookworm.xml.bz2").ToString();

        var slim = await ScanAsync(directory.Combine("slim"), root, location, slimFeed: true);
        var whole = await ScanAsync(directory.Combine("whole"), root, location, slimFeed: false);

        Assert.Multiple(() =>
        {
            Assert.That(slim.Outcome, Is.EqualTo(ScanOutcome.Completed), slim.ErrorMessage);
            Assert.That(whole.Outcome, Is.EqualTo(ScanOutcome.Completed), whole.ErrorMessage);
            Assert.That(FeedFailures(slim), Is.EqualTo(FeedFailures(whole)).And.Count.EqualTo(Definitions / 15));
            Assert.That(slim.Summary!.Cves.Select(c => c.Id), Is.EqualTo(whole.Summary!.Cves.Select(c => c.Id)));
            Assert.That(whole.Summary.RuleResults - slim.Summary.RuleResults, Is.EqualTo(Definitions * 4 / 5), "the ARF holds one rule-result per kept definition");
            Assert.That(slim.CveFeedDefinitions, Is.EqualTo(new CveFeedDefinitions(Definitions / 5, Definitions)));
            Assert.That(whole.CveFeedDefinitions, Is.Null);
            Assert.That(slim.Notes, Does.Contain(new CveFeedDefinitions(Definitions / 5, Definitions).Note));
            Assert.That(whole.Notes, Has.None.Contains("feed definitions evaluated"));
            Assert.That(slim.Content!.CveFeedSlim, Is.EqualTo(ContentFingerprint.SlimOn));
            Assert.That(whole.Content!.CveFeedSlim, Is.EqualTo(ContentFingerprint.SlimOff));
            Assert.That(slim.Content.ToString(), Is.Not.EqualTo(whole.Content.ToString()));
            Assert.That(File.ReadAllText(slim.Artifacts.Html!), Does.Contain("<tr><th>CVE feed</th><td>100 of 500 feed definitions evaluated: "), "the HTML report's evaluation characteristics");
        });
    }

    [Test]
    public async Task ScanAsync_FeedOnPackagesTheImageLacks_KeepsOneFalseDefinitionAndReadsAsTheWholeFeedDoes()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("rootfs");
        SyntheticDebianRoot.Write(root);
        var feed = directory.Combine("feed.xml");
        SyntheticCveFeed.Write(feed, 50, [new DebianPackage("nginx", "1.22.1-9")]);
        await using var server = await FeedServer.StartAsync(await ImageScannerTests.Bzip2Async(feed));
        var location = server.FeedUri("oval-definitions-bookworm.xml.bz2").ToString();

        var slim = await ScanAsync(directory.Combine("slim"), root, location, slimFeed: true);
        var whole = await ScanAsync(directory.Combine("whole"), root, location, slimFeed: false);

        Assert.Multiple(() =>
        {
            Assert.That(slim.Outcome, Is.EqualTo(ScanOutcome.Completed), slim.ErrorMessage);
            Assert.That(slim.CveFeedDefinitions, Is.EqualTo(new CveFeedDefinitions(1, 50)), "an empty feed would make the rule unknown");
            Assert.That(FeedFailures(slim), Is.Empty);
            Assert.That(FeedFailures(whole), Is.Empty);
            Assert.That(slim.Summary!.Cves, Is.Empty);
            Assert.That(slim.OscapExitCode, Is.EqualTo(whole.OscapExitCode));
            Assert.That(slim.Summary.FailedRules.Select(r => r.Id), Is.EqualTo(whole.Summary!.FailedRules.Select(r => r.Id)));
            foreach (var result in new[] { "error", "unknown", "notchecked" })
            {
                Assert.That(slim.Summary.Results.GetValueOrDefault(result), Is.EqualTo(whole.Summary.Results.GetValueOrDefault(result)), result + " rule-results");
            }
        });
    }

    private static SortedSet<string> FeedFailures(ScanReport report) =>
        new(report.Summary!.FailedRules.Where(r => r.Id.EndsWith("security_patches_up_to_date", StringComparison.Ordinal)).Select(r => r.Check!), StringComparer.Ordinal);

    private static async Task<ScanReport> ScanAsync(string directory, string root, string feed, bool slimFeed)
    {
        using var scanDirectory = new TempDirectory();
        await using var services = ScannerServices.Build(scanDirectory, acquirer: ImageScannerTests.Acquirer(root, new OsRelease { Id = "debian", VersionId = "12" }), policy: CveFeedPolicy.Required, feeds: o => o.Slim = slimFeed);
        var request = new ImageScanRequest
        {
            Acquisition = new ImageAcquisitionRequest { Source = ImageSource.Parse("127.0.0.1:5000/test/synthetic:12"), WorkDirectory = ImageScanRequest.ImageDirectory(Path.Combine(directory, "work")) },
            WorkDirectory = Path.Combine(directory, "work"),
            ResultsDirectory = Path.Combine(directory, "results"),
            HtmlReport = slimFeed,
            ContentOverride = new(CveFeed: feed),
        };
        return await services.GetRequiredService<IImageScanner>().ScanAsync(request, null, CancellationToken.None);
    }
}
