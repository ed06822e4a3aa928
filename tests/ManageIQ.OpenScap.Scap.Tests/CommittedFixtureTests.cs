using ManageIQ.OpenScap.Scap.Tests.Support;

namespace ManageIQ.OpenScap.Scap.Tests;

/// <summary>
/// Fast tests on the committed real results of the mini benchmark and the CVE definitions (synthetic Debian 12 root
/// with openssl and libssl3 3.0.11-1~deb12u2 installed, curl not installed). Expected values follow from the content
/// under Fixtures/Content and are cross-checked by the independent reader.
/// </summary>
[CancelAfter(30_000)]
public sealed class CommittedFixtureTests
{
    private const string Rule = "xccdf_org.manageiq.openscap.test_rule_";
    private const string Definition = "oval:org.manageiq.openscap.test:def:";
    private readonly ScapResultReader _reader = new();

    [TestCaseSource(typeof(FixtureFiles), nameof(FixtureFiles.Results))]
    public async Task SummarizeFileAsync_CommittedFixture_MatchesIndependentCount(string fixture, CancellationToken cancellationToken)
    {
        var path = FixtureFiles.Path(fixture);

        var summary = await _reader.SummarizeFileAsync(path, cancellationToken);

        SummaryAssert.MatchesIndependentCount(summary, FixtureFiles.ReadDecompressed(path));
    }

    [Test]
    public async Task SummarizeFileAsync_MiniArf_JoinsTitlesAndResolvesMultiCheckCves(CancellationToken cancellationToken)
    {
        var summary = await _reader.SummarizeFileAsync(FixtureFiles.Path(FixtureFiles.MiniArf), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Kind, Is.EqualTo(ScapResultKind.Arf));
            Assert.That(summary.Benchmark, Is.EqualTo(new ScapBenchmarkInfo("xccdf_org.manageiq.openscap.test_benchmark_mini", "1.0.3")));
            Assert.That(summary.Profile, Is.EqualTo(new ScapProfileInfo("xccdf_org.manageiq.openscap.test_profile_mini", "Mini vulnerability profile")));
            Assert.That(summary.Target, Is.EqualTo("synthetic-debian12"));
            Assert.That(summary.RuleResults, Is.EqualTo(12));
            Assert.That(summary.Results, Is.EquivalentTo(new Dictionary<string, int> { ["pass"] = 4, ["fail"] = 7, ["notselected"] = 1 }));
            Assert.That(summary.FailedBySeverity, Is.EqualTo(new ScapSeverityCounts(High: 2, Medium: 3, Low: 1, Info: 0, Unknown: 1)));
            Assert.That(summary.Cves, Is.EqualTo(new[]
            {
                new ScapCve("CVE-2023-5678", ScapSeverity.High),
                new ScapCve("CVE-2024-0727", ScapSeverity.High),
                new ScapCve("CVE-2024-2511", ScapSeverity.Medium),
                new ScapCve("CVE-2024-9143", ScapSeverity.Medium),
            }));
        });
        var openssl = summary.FailedRules.Single(r => r.Id == Rule + "openssl_cve_2023_5678");
        var libssl = summary.FailedRules.Single(r => r.Check == Definition + "5");
        var notDebian = summary.FailedRules.Single(r => r.Id == Rule + "not_debian12");
        Assert.Multiple(() =>
        {
            Assert.That(openssl.Title, Is.EqualTo("openssl is not affected by CVE-2023-5678"));
            Assert.That(openssl.Description, Is.EqualTo("openssl must be 3.0.13-1~deb12u1 or later."));
            Assert.That(openssl.Severity, Is.EqualTo(ScapSeverity.High));
            Assert.That(openssl.Idents, Is.EqualTo(new[] { new ScapIdent("http://cve.mitre.org", "CVE-2023-5678") }));
            Assert.That(openssl.Weight, Is.EqualTo(1.0));
            Assert.That(libssl.Id, Is.EqualTo(Rule + "security_patches_up_to_date"));
            Assert.That(libssl.Title, Is.EqualTo("Ensure Software Patches Installed"));
            Assert.That(libssl.CheckTitle, Is.EqualTo("libssl3 security update (CVE-2023-5678, CVE-2024-0727)"));
            Assert.That(libssl.Cves, Is.EqualTo(new List<string> { "CVE-2023-5678", "CVE-2024-0727" }));
            Assert.That(libssl.Severity, Is.EqualTo(ScapSeverity.High), "advisory severity Important");
            Assert.That(notDebian.Severity, Is.EqualTo(ScapSeverity.Unknown), "a Rule without severity");
            Assert.That(notDebian.Cves, Is.Empty);
        });
    }

    [Test]
    public async Task SummarizeFileAsync_MiniXccdfWithoutOvalResults_KeepsRuleSeverityAndIdentCves(CancellationToken cancellationToken)
    {
        var summary = await _reader.SummarizeFileAsync(FixtureFiles.Path(FixtureFiles.MiniXccdf), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Kind, Is.EqualTo(ScapResultKind.Xccdf));
            Assert.That(summary.Benchmark?.Id, Is.EqualTo("xccdf_org.manageiq.openscap.test_benchmark_mini"));
            Assert.That(summary.RuleResults, Is.EqualTo(12));
            Assert.That(summary.FailedBySeverity, Is.EqualTo(new ScapSeverityCounts(High: 1, Medium: 5, Low: 0, Info: 0, Unknown: 1)));
            Assert.That(summary.Cves, Is.EqualTo(new[] { new ScapCve("CVE-2023-5678", ScapSeverity.High) }));
            Assert.That(summary.FailedRules.Where(r => r.Check is not null && r.Check.StartsWith(Definition, StringComparison.Ordinal)).Select(r => r.CheckTitle), Has.All.Null);
        });
    }

    [Test]
    public async Task SummarizeFileAsync_OvalResults_MapsDefinitionsLikeOpenScap(CancellationToken cancellationToken)
    {
        var summary = await _reader.SummarizeFileAsync(FixtureFiles.Path(FixtureFiles.CveOvalResults), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Kind, Is.EqualTo(ScapResultKind.Oval));
            Assert.That(summary.Benchmark, Is.Null);
            Assert.That(summary.RuleResults, Is.EqualTo(8));
            Assert.That(summary.Results, Is.EquivalentTo(new Dictionary<string, int> { ["pass"] = 3, ["fail"] = 5 }));
            Assert.That(summary.Oval?.Definitions, Is.EqualTo(8));
            Assert.That(summary.Oval?.Results, Is.EquivalentTo(new Dictionary<string, int> { ["true"] = 6, ["false"] = 2 }));
            Assert.That(summary.Oval?.Classes, Is.EquivalentTo(new Dictionary<string, int> { ["vulnerability"] = 7, ["inventory"] = 1 }));
            Assert.That(summary.FailedBySeverity, Is.EqualTo(new ScapSeverityCounts(High: 1, Medium: 1, Low: 1, Info: 0, Unknown: 2)));
            Assert.That(summary.FailedRules.Select(r => r.Id), Is.EquivalentTo(Enumerable.Range(1, 5).Select(i => Definition + i)));
            Assert.That(summary.Cves.Select(c => c.Id), Is.EquivalentTo(new List<string> { "CVE-2023-5678", "CVE-2024-0727", "CVE-2024-2511", "CVE-2024-9143" }));
            Assert.That(summary.Cves.Single(c => c.Id == "CVE-2024-0727").Severity, Is.EqualTo(ScapSeverity.High), "highest of Low (def:2) and Important (def:5)");
        });
    }

    [Test]
    public async Task SummarizeFileAsync_SameFixtureTwice_GivesEqualJson(CancellationToken cancellationToken)
    {
        var first = ScapSummaryJson.Serialize(await _reader.SummarizeFileAsync(FixtureFiles.Path(FixtureFiles.MiniArf), cancellationToken));
        var second = ScapSummaryJson.Serialize(await _reader.SummarizeFileAsync(FixtureFiles.Path(FixtureFiles.MiniArf), cancellationToken));

        Assert.That(second, Is.EqualTo(first));
    }
}
