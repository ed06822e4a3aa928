using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Publishing.Tests;

public sealed class OpenScapAttributeBuilderTests
{
    private static readonly DateTimeOffset ScannedOn = new(2026, 12, 2, 10, 30, 0, TimeSpan.Zero);
    private readonly OpenScapAttributeBuilder builder = new(new PublishingOptions());

    [Test]
    public void Build_Results_PostsPlainIntegersInTheMetadataSection()
    {
        var scan = Scan(Summary(high: 0, medium: 2, pass: 40));

        var attributes = builder.Build(scan, OpenScapStatus.Compliant);

        var values = attributes.ToDictionary(a => a.Name, a => a.Value);
        Assert.Multiple(() =>
        {
            Assert.That(values[OpenScapAttributeNames.Status], Is.EqualTo("compliant"));
            Assert.That(values[OpenScapAttributeNames.Passed], Is.EqualTo("40"));
            Assert.That(values[OpenScapAttributeNames.Failed], Is.EqualTo("2"));
            Assert.That(values[OpenScapAttributeNames.FailedHigh], Is.EqualTo("0"));
            Assert.That(values[OpenScapAttributeNames.FailedMedium], Is.EqualTo("2"));
            Assert.That(values[OpenScapAttributeNames.CvesVulnerable], Is.EqualTo("1"));
            Assert.That(values[OpenScapAttributeNames.CveHighestSeverity], Is.EqualTo("medium"));
            Assert.That(values[OpenScapAttributeNames.Cves], Is.EqualTo("CVE-2024-0001"));
            Assert.That(values[OpenScapAttributeNames.FailedRules], Is.EqualTo("rule_a, rule_b"));
            Assert.That(values[OpenScapAttributeNames.ScannedOn], Is.EqualTo("2026-12-02T10:30:00Z"));
            Assert.That(values[OpenScapAttributeNames.Digest], Is.EqualTo("sha256:aa"));
            Assert.That(values, Does.Not.ContainKey(OpenScapAttributeNames.ManifestDigest));
            Assert.That(values, Does.Not.ContainKey(OpenScapAttributeNames.Error));
            Assert.That(attributes.Select(a => a.Section), Is.All.EqualTo(CustomAttributeInput.MetadataSection));
            Assert.That(attributes.Single(a => a.Name == OpenScapAttributeNames.ScannedOn).FieldType, Is.EqualTo("DateTime"));
        });
    }

    [Test]
    public void Build_EveryName_IsAKnownLowerCaseOpenscapName()
    {
        var scan = Scan(Summary(high: 1, medium: 0, pass: 1)) with
        {
            ManifestDigest = "sha256:bb", FeedUpdatedOn = ScannedOn, Error = null, Notes = ["a note"],
            ReportUrl = "https://bridge.example/reports/1", ReportHtml = "H4sI",
        };

        var names = builder.Build(scan, OpenScapStatus.NonCompliant).Select(a => a.Name).ToList();

        Assert.That(names, Is.Unique);
        Assert.That(names, Is.SubsetOf(OpenScapAttributeNames.All));
        Assert.That(names, Has.All.StartsWith("openscap_").And.All.Matches<string>(n => string.Equals(n, n.ToLowerInvariant(), StringComparison.Ordinal)));
        Assert.That(names, Does.Contain(OpenScapAttributeNames.ManifestDigest).And.Contain(OpenScapAttributeNames.FeedUpdatedOn));
    }

    [Test]
    public void Build_FailedScan_HasTheErrorAndNoCounts()
    {
        var scan = Scan(null) with { Error = "The image could not be pulled: manifest unknown" };

        var values = builder.Build(scan, OpenScapStatus.Error).ToDictionary(a => a.Name, a => a.Value);

        Assert.That(values[OpenScapAttributeNames.Status], Is.EqualTo("error"));
        Assert.That(values[OpenScapAttributeNames.Error], Is.EqualTo("The image could not be pulled: manifest unknown"));
        Assert.That(values.Keys, Has.None.StartsWith("openscap_failed").And.None.EqualTo(OpenScapAttributeNames.Passed));
    }

    [Test]
    public void Build_LongLists_AreCutToTheCap()
    {
        var cves = Enumerable.Range(0, 2_000).Select(i => new ScapCve($"CVE-2024-{i:D5}", ScapSeverity.Low)).ToList();
        var scan = Scan(Summary(0, 0, 0) with { Cves = cves });

        var values = builder.Build(scan, OpenScapStatus.Compliant).ToDictionary(a => a.Name, a => a.Value);

        Assert.That(values[OpenScapAttributeNames.Cves], Has.Length.LessThanOrEqualTo(new PublishingOptions().MaxListLength));
        Assert.That(values[OpenScapAttributeNames.Cves], Does.Match(@" and \d+ more$"));
        Assert.That(values[OpenScapAttributeNames.CvesVulnerable], Is.EqualTo("2000"));
    }

    private static PublishedScan Scan(ScapSummary? summary) => new()
    {
        ScanId = "scan-1", ScannedOn = ScannedOn, Digest = "sha256:aa", Distribution = "debian 12",
        Content = "ssg-debian12-ds.xml@0.1.76;profile=standard", Summary = summary,
    };

    private static ScapSummary Summary(int high, int medium, int pass) => new()
    {
        Kind = ScapResultKind.Arf,
        Results = new Dictionary<string, int> { ["pass"] = pass, ["fail"] = high + medium },
        FailedBySeverity = new ScapSeverityCounts(high, medium, 0, 0, 0),
        FailedRules = [.. Enumerable.Range(0, high + medium).Select(i => new ScapFailedRule { Id = i % 2 == 0 ? "rule_a" : "rule_b", Severity = i < high ? ScapSeverity.High : ScapSeverity.Medium })],
        Cves = [new ScapCve("CVE-2024-0001", ScapSeverity.Medium)],
    };
}
