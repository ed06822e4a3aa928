using System.IO.Compression;
using System.Text;
using ManageIQ.OpenScap.Scap.Tests.Support;

namespace ManageIQ.OpenScap.Scap.Tests.RealScans;

public sealed class RealScanSummaryTests
{
    private const string PatchesRule = "xccdf_org.ssgproject.content_rule_security_patches_up_to_date";
    private readonly ScapResultReader _reader = new();

    private static IEnumerable<string> ResultNames => ["arf-standard", "xccdf-standard", "arf-all", "oval-results", "mini-arf", "mini-xccdf"];

    [TestCaseSource(nameof(ResultNames))]
    [CancelAfter(60_000)]
    public async Task SummarizeFileAsync_RealOscapResult_MatchesIndependentCount(string name, CancellationToken cancellationToken)
    {
        var path = PathOf(name);

        var summary = await _reader.SummarizeFileAsync(path, cancellationToken);

        SummaryAssert.MatchesIndependentCount(summary, await File.ReadAllBytesAsync(path, cancellationToken));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SummarizeFileAsync_StandardProfileArf_ReadsBenchmarkProfileTargetAndScores(CancellationToken cancellationToken)
    {
        var summary = await _reader.SummarizeFileAsync(RealScanResults.StandardArf, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Kind, Is.EqualTo(ScapResultKind.Arf));
            Assert.That(summary.Benchmark, Is.EqualTo(new ScapBenchmarkInfo("xccdf_org.ssgproject.content_benchmark_DEBIAN-12", "0.1.76")));
            Assert.That(summary.Profile?.Id, Is.EqualTo(FixtureScans.StandardProfile));
            Assert.That(summary.Profile?.Title, Does.Contain("Standard"));
            Assert.That(summary.TestResultId, Is.EqualTo("xccdf_org.open-scap_testresult_" + FixtureScans.StandardProfile));
            Assert.That(summary.Target, Is.EqualTo("synthetic-debian12"));
            Assert.That(summary.TargetFacts, Does.Contain(new ScapTargetFact("urn:xccdf:fact:identifier", "string", "synthetic-debian12")));
            Assert.That(summary.RuleResults, Is.EqualTo(591), "every Rule of the Debian 12 benchmark, notselected included");
            Assert.That(summary.Results["notselected"], Is.GreaterThan(500));
            Assert.That(summary.Scores.Single().System, Is.EqualTo("urn:xccdf:scoring:default"));
            Assert.That(summary.Scores.Single().Maximum, Is.EqualTo(100));
            Assert.That(summary.StartTime, Is.Not.Null.And.LessThanOrEqualTo(summary.EndTime!.Value));
            Assert.That(summary.FailedRules.Select(r => r.Title), Has.None.Null, "titles joined from the embedded benchmark");
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SummarizeFileAsync_AllProfileWithCveFeed_ResolvesMultiCheckCvesFromOvalReport(CancellationToken cancellationToken)
    {
        var summary = await _reader.SummarizeFileAsync(RealScanResults.AllWithFeedArf, cancellationToken);

        var patches = summary.FailedRules.Where(r => r.Id == PatchesRule).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(patches.Select(r => r.Check), Is.EquivalentTo(Enumerable.Range(1, 5).Select(i => $"oval:org.manageiq.openscap.test:def:{i}")));
            Assert.That(patches.Single(r => r.Check!.EndsWith(":def:4", StringComparison.Ordinal)).CheckTitle, Is.EqualTo("CVE-2024-9143 openssl"));
            Assert.That(patches.Select(r => r.Title).Distinct(), Is.EqualTo(new List<string> { "Ensure Software Patches Installed" }));
            Assert.That(patches[0].Description, Does.Contain("$ apt update && apt full-upgrade"), "XHTML description as text");

            // def:1 has no advisory (rule severity medium), def:3 an unknown word (medium), def:2 Low, def:4 Moderate, def:5 Important.
            Assert.That(patches.Select(r => (r.Check![^1], r.Severity)), Is.EquivalentTo(new[]
            {
                ('1', ScapSeverity.Medium), ('2', ScapSeverity.Low), ('3', ScapSeverity.Medium), ('4', ScapSeverity.Medium), ('5', ScapSeverity.High),
            }));
            Assert.That(summary.Cves, Is.EquivalentTo(new[]
            {
                new ScapCve("CVE-2023-5678", ScapSeverity.High),
                new ScapCve("CVE-2024-0727", ScapSeverity.High),
                new ScapCve("CVE-2024-2511", ScapSeverity.Medium),
                new ScapCve("CVE-2024-9143", ScapSeverity.Medium),
            }));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task SummarizeAsync_GzipAndBzip2OfRealArf_GiveTheSameSummary(CancellationToken cancellationToken)
    {
        var plain = await File.ReadAllBytesAsync(RealScanResults.AllWithFeedArf, cancellationToken);
        using var gzipped = new MemoryStream();
        await using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(plain, cancellationToken);
        }

        var expected = ScapSummaryJson.Serialize(await _reader.SummarizeAsync(new MemoryStream(plain), "arf", cancellationToken));
        gzipped.Position = 0;
        var fromGzip = ScapSummaryJson.Serialize(await _reader.SummarizeAsync(gzipped, "arf", cancellationToken));
        var fromBzip2 = ScapSummaryJson.Serialize(await _reader.SummarizeAsync(new MemoryStream(Compress.Bzip2(plain)), "arf", cancellationToken));

        Assert.Multiple(() =>
        {
            Assert.That(fromGzip, Is.EqualTo(expected));
            Assert.That(fromBzip2, Is.EqualTo(expected));
        });
    }

    [TestCase(0.1)]
    [TestCase(0.5)]
    [TestCase(0.9)]
    [TestCase(0.999999)]
    [CancelAfter(30_000)]
    public async Task SummarizeAsync_TruncatedRealArf_ThrowsNamingThePosition(double fraction, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(RealScanResults.StandardArf, cancellationToken);
        var cut = bytes.AsMemory(0, (int)(bytes.Length * fraction)).ToArray();

        var ex = Assert.ThrowsAsync<ScapFormatException>(() => _reader.SummarizeAsync(new MemoryStream(cut), "cut.xml", cancellationToken));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.SourceName, Is.EqualTo("cut.xml"));
            Assert.That(ex.LineNumber, Is.GreaterThan(0));
            Assert.That(ex.Message, Does.StartWith("cut.xml:"));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SummarizeAsync_TruncatedGzipOfRealArf_Throws(CancellationToken cancellationToken)
    {
        var plain = await File.ReadAllBytesAsync(RealScanResults.StandardArf, cancellationToken);
        using var gzipped = new MemoryStream();
        await using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(plain, cancellationToken);
        }

        var cut = gzipped.ToArray().AsMemory(0, (int)(gzipped.Length / 2)).ToArray();

        Assert.ThrowsAsync<ScapFormatException>(() => _reader.SummarizeAsync(new MemoryStream(cut), "cut.xml.gz", cancellationToken));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SummarizeAsync_UnknownResultValueInRealArf_ThrowsNamingTheValue(CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(RealScanResults.StandardArf, cancellationToken);
        var at = text.IndexOf("<result>fail</result>", StringComparison.Ordinal);
        var changed = string.Concat(text.AsSpan(0, at), "<result>exploded</result>", text.AsSpan(at + "<result>fail</result>".Length));

        var ex = Assert.ThrowsAsync<ScapFormatException>(() => _reader.SummarizeAsync(new MemoryStream(Encoding.UTF8.GetBytes(changed)), "arf.xml", cancellationToken));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("'exploded' is not an XCCDF result value"));
            Assert.That(ex.LineNumber, Is.EqualTo(text.AsSpan(0, at).Count('\n') + 1));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SummarizeAsync_UnrecognisedSeverityInRealArf_CountsAsUnknown(CancellationToken cancellationToken)
    {
        var original = await _reader.SummarizeFileAsync(RealScanResults.StandardArf, cancellationToken);
        var failedLow = original.FailedRules.First(r => r.Severity == ScapSeverity.Low).Id;
        var text = await File.ReadAllTextAsync(RealScanResults.StandardArf, cancellationToken);
        var attribute = $"<rule-result idref=\"{failedLow}\"";
        var at = text.IndexOf(attribute, StringComparison.Ordinal);
        var severityAt = text.IndexOf("severity=\"low\"", at, StringComparison.Ordinal);
        var changed = string.Concat(text.AsSpan(0, severityAt), "severity=\"catastrophic\"", text.AsSpan(severityAt + "severity=\"low\"".Length));

        var summary = await _reader.SummarizeAsync(new MemoryStream(Encoding.UTF8.GetBytes(changed)), "arf.xml", cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(summary.FailedBySeverity.Low, Is.EqualTo(original.FailedBySeverity.Low - 1));
            Assert.That(summary.FailedBySeverity.Unknown, Is.EqualTo(original.FailedBySeverity.Unknown + 1));
            Assert.That(summary.FailedRules.Single(r => r.Id == failedLow).Severity, Is.EqualTo(ScapSeverity.Unknown));
        });
    }

    [TestCase(FixtureFiles.MiniArf, "mini-arf")]
    [TestCase(FixtureFiles.MiniXccdf, "mini-xccdf")]
    [TestCase(FixtureFiles.CveOvalResults, "oval-results")]
    [CancelAfter(30_000)]
    public async Task CommittedFixture_SameContentEvaluatedNow_GivesTheSameSummary(string fixture, string fresh, CancellationToken cancellationToken)
    {
        var committed = await _reader.SummarizeFileAsync(FixtureFiles.Path(fixture), cancellationToken);
        var now = await _reader.SummarizeFileAsync(PathOf(fresh), cancellationToken);

        Assert.That(ScapSummaryJson.Serialize(WithoutRunDetails(committed)), Is.EqualTo(ScapSummaryJson.Serialize(WithoutRunDetails(now))));
    }

    private static ScapSummary WithoutRunDetails(ScapSummary summary) =>
        summary with { Source = null, StartTime = null, EndTime = null, TargetFacts = [.. summary.TargetFacts.Where(f => !f.Name.Contains("version", StringComparison.Ordinal))] };

    private static string PathOf(string name) => name switch
    {
        "arf-standard" => RealScanResults.StandardArf,
        "xccdf-standard" => RealScanResults.StandardXccdf,
        "arf-all" => RealScanResults.AllWithFeedArf,
        "oval-results" => RealScanResults.CveOvalResults,
        "mini-arf" => RealScanResults.MiniArf,
        "mini-xccdf" => RealScanResults.MiniXccdf,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
