using ManageIQ.OpenScap.Analysis.Composing;
using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Compliance.Evaluation;
using ManageIQ.OpenScap.Compliance.Thresholds;
using ManageIQ.OpenScap.Compliance.Waivers;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Scap;
using ManageIQ.OpenScap.Scap.Reporting;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace ManageIQ.OpenScap.Analysis.Tests;

/// <summary>A scan report of one ManageIQ image turned into its verdict, its attributes and its compact report.</summary>
public sealed class ResultComposerTests
{
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string Manifest = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);

    private static readonly ContainerImage Image = new()
    {
        Id = 42,
        Name = "team/app",
        Tag = "1.0",
        Digest = Digest,
        ImageRef = "docker-pullable://registry.example:5000/team/app@" + Digest,
        EmsId = 1,
    };

    [Test]
    public async Task Compose_CompletedWithAHighFailure_NonCompliantWithEveryCountAndTheReportWritten()
    {
        using var directory = new TempDirectory();
        var report = Completed(Summary(new ScapSeverityCounts(1, 2, 0, 0, 0)), feedDate: Now.AddDays(-1));

        var composed = await Composer(publicUrl: new Uri("https://bridge.example/miq/")).ComposeAsync(Image, report, "scan-1", Now, directory.Path, CancellationToken.None);

        Assert.That(composed.Status, Is.EqualTo(OpenScapStatus.NonCompliant));
        var attributes = composed.Record.Attributes.ToDictionary(a => a.Name, a => a.Value);
        Assert.That(attributes[OpenScapAttributeNames.Digest], Is.EqualTo(Digest));
        Assert.That(attributes[OpenScapAttributeNames.ManifestDigest], Is.EqualTo(Manifest), "an index listed: the platform manifest pulled is added");
        Assert.That(attributes[OpenScapAttributeNames.FailedHigh], Is.EqualTo("1"));
        Assert.That(attributes[OpenScapAttributeNames.ReportUrl], Is.EqualTo("https://bridge.example/miq/reports/container_images/42"));
        Assert.That(attributes, Does.Not.ContainKey(OpenScapAttributeNames.Notes), "a fresh feed has nothing to say");
        Assert.That(composed.CompactReportPath, Is.EqualTo(Path.Combine(directory.Path, AnalysisArtifacts.CompactReport)));
        Assert.That(CompactReportEncoding.Decode(attributes[OpenScapAttributeNames.ReportHtml]), Is.EqualTo(File.ReadAllText(composed.CompactReportPath!)));
        Assert.That(composed.Record.Artifacts, Does.ContainKey(AnalysisArtifacts.ArfKind).And.ContainKey(AnalysisArtifacts.CompactReportKind));
        Assert.DoesNotThrow(composed.Record.Validate);
    }

    [Test]
    public async Task Compose_StaleOrMissingFeed_SaysSoInTheNotes()
    {
        using var directory = new TempDirectory();
        var stale = await Composer().ComposeAsync(Image, Completed(Summary(ScapSeverityCounts.Zero), feedDate: Now.AddDays(-10)), "s", Now, directory.Path, CancellationToken.None);
        var missing = await Composer().ComposeAsync(Image, Completed(Summary(ScapSeverityCounts.Zero), feedDate: null, feed: null), "s", Now, directory.Path, CancellationToken.None);

        Assert.That(Value(stale, OpenScapAttributeNames.Notes), Does.StartWith("The CVE feed is stale: dated 2026-11-23, more than 7 days old"));
        Assert.That(Value(stale, OpenScapAttributeNames.FeedUpdatedOn), Is.EqualTo("2026-11-23T00:00:00Z"));
        Assert.That(Value(missing, OpenScapAttributeNames.Notes), Does.StartWith("No CVE feed was evaluated"));
        Assert.That(Value(missing, OpenScapAttributeNames.FeedUpdatedOn), Is.Null);
        Assert.That(stale.Status, Is.EqualTo(OpenScapStatus.Compliant));
    }

    [Test]
    public async Task Compose_FailedScan_ErrorWithItsKindAndNoResultsOrReport()
    {
        using var directory = new TempDirectory();
        var report = ScanReport.Failure(ScanErrorKind.ImageAcquireFailed, "manifest unknown");

        var composed = await Composer().ComposeAsync(Image, report, "scan-2", Now, directory.Path, CancellationToken.None);

        Assert.That(composed.Status, Is.EqualTo(OpenScapStatus.Error));
        Assert.That(Value(composed, OpenScapAttributeNames.Error), Is.EqualTo("ImageAcquireFailed: manifest unknown"));
        Assert.That(Value(composed, OpenScapAttributeNames.ReportHtml), Is.Null);
        Assert.That(Value(composed, OpenScapAttributeNames.ReportUrl), Is.Null, "no Bridge:PublicUrl, no link");
        Assert.That(composed.CompactReportPath, Is.Null);
        Assert.That(composed.Record.ContentFingerprint, Is.Empty);
        Assert.That(Directory.EnumerateFileSystemEntries(directory.Path), Is.Empty);
    }

    [TestCase(Digest, "docker-pullable://r/team/app@" + Manifest, Digest)]
    [TestCase(null, "docker-pullable://r/team/app@" + Manifest, Manifest)]
    [TestCase(null, "docker://" + Manifest, Manifest)]
    [TestCase(null, "cri-o://abc", null)]
    [TestCase(null, null, null)]
    public void ListedDigest_PrefersTheDigestColumnThenTheImageRef(string? digest, string? imageRef, string? expected) =>
        Assert.That(ResultComposer.ListedDigest(Image with { Digest = digest, ImageRef = imageRef }), Is.EqualTo(expected));

    private static string? Value(ComposedResult composed, string name) =>
        composed.Record.Attributes.SingleOrDefault(a => a.Name == name)?.Value;

    private static ResultComposer Composer(Uri? publicUrl = null) =>
        new(Options.Create(new PublishingOptions()), Options.Create(new AnalysisOptions { PublicUrl = publicUrl }), new ComplianceEvaluator(Options.Create(new ComplianceThresholds())), NoWaivers(), new FakeTimeProvider(Now));

    private static IWaiverCatalog NoWaivers() => Mock.Of<IWaiverCatalog>(c => c.Current == WaiverSet.Empty);

    private static ScapSummary Summary(ScapSeverityCounts failed) => new()
    {
        Kind = ScapResultKind.Arf,
        Results = new Dictionary<string, int> { ["pass"] = 10, ["fail"] = failed.Total },
        FailedBySeverity = failed,
        FailedRules = [.. Enumerable.Range(0, failed.Total).Select(i => new ScapFailedRule { Id = "xccdf_rule_" + i, Title = "Rule " + i, Severity = i < failed.High ? ScapSeverity.High : ScapSeverity.Medium })],
    };

    private static ScanReport Completed(ScapSummary summary, DateTimeOffset? feedDate, string? feed = "file:///feeds/bookworm.xml.bz2") => new()
    {
        Outcome = ScanOutcome.Completed,
        OscapExitCode = summary.FailedBySeverity.Total > 0 ? 2 : 0,
        Summary = summary,
        Image = new ImageIdentity { Reference = "r/team/app@" + Digest, ImageId = "sha256:3333", ManifestDigest = Manifest, IndexDigest = Digest },
        Distribution = new ScanDistribution("debian", "12", [], "Debian GNU/Linux 12 (bookworm)"),
        Content = new ContentFingerprint { DataStream = "ssg-debian12-ds.xml", Profile = "standard", CveFeed = feed, CveFeedDate = feedDate },
        Artifacts = new ScanArtifactPaths { Arf = "/results/results-arf.xml" },
    };
}
