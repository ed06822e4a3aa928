using System.Text.RegularExpressions;
using System.Xml.Linq;
using ManageIQ.OpenScap.Scap.Reporting;
using ManageIQ.OpenScap.Scap.Tests.Support;

namespace ManageIQ.OpenScap.Scap.Tests.RealScans;

/// <summary>The compact report and the rule texts behind it, on the real oscap results of <see cref="RealScanResults"/>.</summary>
public sealed partial class RealScanReportTests
{
    private const string PatchesRule = "xccdf_org.ssgproject.content_rule_security_patches_up_to_date";
    private static readonly XNamespace Xccdf = "http://checklists.nist.gov/xccdf/1.2";
    private readonly ScapResultReader _reader = new();

    [Test]
    [CancelAfter(60_000)]
    public async Task Render_StandardProfileArf_ListsEveryFailureUnder16KbEncoded(CancellationToken cancellationToken)
    {
        var summary = await _reader.SummarizeFileAsync(RealScanResults.StandardArf, cancellationToken);

        var report = CompactReport.Render(summary, new CompactReportDetails { Status = "non_compliant", Distribution = "debian 12" });

        var text = ReportPage.Parse(report.Html).Text;
        Assert.Multiple(() =>
        {
            Assert.That(summary.FailedRules, Is.Not.Empty);
            Assert.That(report.Encoded, Has.Length.LessThan(16 * 1024));
            Assert.That(report.Omitted, Is.Zero);
            Assert.That(report.Listed, Is.EqualTo(summary.FailedRules.Count));
            Assert.That(summary.FailedRules.Select(r => r.Title), Has.All.Matches<string>(title => text.Contains(title, StringComparison.Ordinal)));
            Assert.That(summary.FailedRules.Select(r => r.Rationale), Has.All.Not.Null.And.All.Matches<string>(rationale => text.Contains(rationale, StringComparison.Ordinal)));
            Assert.That(text, Does.Contain("Standard System Security Profile for Debian 12").And.Contain("xccdf_org.ssgproject.content_benchmark_DEBIAN-12 version 0.1.76"));
            Assert.That(CompactReportEncoding.Decode(report.Encoded), Is.EqualTo(report.Html));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Render_AllProfileWithCveFeed_GroupsThePatchChecksUnderOneRule(CancellationToken cancellationToken)
    {
        var summary = await _reader.SummarizeFileAsync(RealScanResults.AllWithFeedArf, cancellationToken);

        var report = CompactReport.Render(summary, new CompactReportDetails());

        var text = ReportPage.Parse(report.Html).Text;
        var patches = summary.FailedRules.First(r => r.Id == PatchesRule);
        Assert.Multiple(() =>
        {
            Assert.That(report.Omitted, Is.Zero);
            Assert.That(report.Encoded, Has.Length.LessThanOrEqualTo(CompactReportOptions.ManageIqEncodedLimit));
            Assert.That(text, Does.Contain("5 failed checks"));
            Assert.That(Regex.Count(text, Regex.Escape(patches.Rationale!)), Is.EqualTo(1));
            Assert.That(text, Does.Contain("CVE-2024-9143 openssl"));
            Assert.That(summary.Cves.Select(c => c.Id), Has.All.Matches<string>(id => text.Contains(id, StringComparison.Ordinal)));
            Assert.That(text, Does.Contain("CVEs vulnerable"));
        });
    }

    [TestCaseSource(nameof(Arfs))]
    [CancelAfter(60_000)]
    public async Task SummarizeFileAsync_RealArf_RationaleOfEachFailedRuleIsTheBenchmarksText(string name, CancellationToken cancellationToken)
    {
        var path = name == "standard" ? RealScanResults.StandardArf : RealScanResults.AllWithFeedArf;
        var summary = await _reader.SummarizeFileAsync(path, cancellationToken);

        var rules = XDocument.Load(path).Descendants(Xccdf + "Rule").ToDictionary(r => (string)r.Attribute("id")!);
        Assert.Multiple(() =>
        {
            foreach (var failed in summary.FailedRules)
            {
                var expected = rules[failed.Id].Element(Xccdf + "rationale")?.Value;
                Assert.That(WithoutWhiteSpace(failed.Rationale), Is.EqualTo(WithoutWhiteSpace(expected)), failed.Id);
                Assert.That(failed.FixText, Is.EqualTo(rules[failed.Id].Element(Xccdf + "fixtext")?.Value), "SSG Debian 12 has no fixtext");
            }
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SummarizeFileAsync_SsgDescription_KeepsThePreAndBreaksAsLines(CancellationToken cancellationToken)
    {
        var summary = await _reader.SummarizeFileAsync(RealScanResults.AllWithFeedArf, cancellationToken);

        var patches = summary.FailedRules.First(r => r.Id == PatchesRule);

        Assert.That(patches.Description, Does.Contain("install updates:\n\n$ apt update && apt full-upgrade\n\nNOTE: U.S. Defense systems"));
    }

    private static IEnumerable<string> Arfs => ["standard", "all"];

    private static string? WithoutWhiteSpace(string? text) => text is null ? null : WhiteSpace().Replace(text, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
