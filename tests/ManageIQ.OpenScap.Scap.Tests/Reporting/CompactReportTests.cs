using System.Text;
using System.Text.RegularExpressions;
using ManageIQ.OpenScap.Scap.Reporting;
using ManageIQ.OpenScap.Scap.Tests.Support;

namespace ManageIQ.OpenScap.Scap.Tests.Reporting;

public sealed partial class CompactReportTests
{
    private static readonly ScapSeverity[] s_severities = [ScapSeverity.Low, ScapSeverity.Unknown, ScapSeverity.High, ScapSeverity.Info, ScapSeverity.Medium];

    [Test]
    public void Render_SmallSummary_ListsEveryFailureWorstFirstWithItsTexts()
    {
        var summary = Summary(
            Failure("r-low", ScapSeverity.Low, rationale: "low why"),
            Failure("r-info", ScapSeverity.Info),
            Failure("r-high", ScapSeverity.High, cves: ["CVE-2024-0001", "CVE-2024-0002"], rationale: "high why", fixText: "high how"),
            Failure("r-unknown", ScapSeverity.Unknown),
            Failure("r-medium", ScapSeverity.Medium));

        var report = CompactReport.Render(summary, new CompactReportDetails { Status = "non_compliant", Image = "registry/app:1" });

        var text = ReportPage.Parse(report.Html).Text;
        Assert.Multiple(() =>
        {
            Assert.That(report.Listed, Is.EqualTo(5));
            Assert.That(report.Omitted, Is.Zero);
            Assert.That(Positions(text, "Title r-high", "Title r-medium", "Title r-low", "Title r-info", "Title r-unknown"), Is.Ordered.And.All.GreaterThanOrEqualTo(0), "high > medium > low > info > unknown");
            Assert.That(text, Does.Contain("CVE-2024-0001, CVE-2024-0002"));
            Assert.That(text, Does.Contain("Rationale: high why").And.Contain("Fix text: high how").And.Contain("Rationale: low why"));
            Assert.That(text, Does.Contain("non-compliant").And.Contain("registry/app:1"));
            Assert.That(text, Does.Not.Contain("left out"));
            Assert.That(CompactReportEncoding.Decode(report.Encoded), Is.EqualTo(report.Html));
        });
    }

    [Test]
    public void Render_SummaryFirst_ShowsStatusCountsCvesProfileBenchmarkAndScannedOn()
    {
        var summary = Summary(Failure("a", ScapSeverity.High, cves: ["CVE-1"]), Failure("b", ScapSeverity.Low, cves: ["CVE-2"])) with
        {
            Results = new Dictionary<string, int> { ["pass"] = 17, ["fail"] = 2, ["notapplicable"] = 3 },
            Cves = [new ScapCve("CVE-1", ScapSeverity.High), new ScapCve("CVE-2", ScapSeverity.Low)],
            Profile = new ScapProfileInfo("xccdf_p_standard", "Standard profile"),
            Benchmark = new ScapBenchmarkInfo("xccdf_b_DEBIAN-12", "0.1.76"),
        };
        var details = new CompactReportDetails
        {
            Status = "non_compliant",
            Distribution = "debian 12",
            ScannedOn = new DateTimeOffset(2026, 11, 28, 19, 11, 0, TimeSpan.FromHours(1)),
            FeedUpdatedOn = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero),
            Digest = "sha256:abc",
            Notes = "the CVE feed is 2 days old",
        };

        var text = ReportPage.Parse(CompactReport.Render(summary, details).Html).Text;

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Scanned on2026-11-28 18:11:00 UTC"));
            Assert.That(text, Does.Contain("Distributiondebian 12"));
            Assert.That(text, Does.Contain("ProfileStandard profile xccdf_p_standard"));
            Assert.That(text, Does.Contain("Benchmarkxccdf_b_DEBIAN-12 version 0.1.76"));
            Assert.That(text, Does.Contain("CVE feedupdated on 2026-11-27 00:00:00 UTC"));
            Assert.That(text, Does.Contain("Digestsha256:abc").And.Contain("the CVE feed is 2 days old"));
            Assert.That(text, Does.Contain("17" + "2" + "1" + "0" + "1" + "0" + "0" + "2" + "high"), "passed, failed, high, medium, low, info, unknown, CVEs, highest");
            Assert.That(text, Does.Contain("Other results: notapplicable 3."));
            Assert.That(text.IndexOf("Scanned on", StringComparison.Ordinal), Is.LessThan(text.IndexOf("Title a", StringComparison.Ordinal)));
        });
    }

    [Test]
    public void Render_MultiCheckRule_ShowsItsRationaleOnceAboveItsFailedChecks()
    {
        var summary = Summary(
            Failure("patches", ScapSeverity.Medium, cves: ["CVE-2024-1"], check: "def:1", checkTitle: "CVE-2024-1 openssl", rationale: "patch it"),
            Failure("patches", ScapSeverity.High, cves: ["CVE-2024-2", "CVE-2024-3"], check: "def:2", checkTitle: "CVE-2024-2 libssl3", rationale: "patch it"));

        var report = CompactReport.Render(summary, new CompactReportDetails());

        var text = ReportPage.Parse(report.Html).Text;
        Assert.Multiple(() =>
        {
            Assert.That(Regex.Count(text, "patch it"), Is.EqualTo(1));
            Assert.That(text, Does.Contain("2 failed checks"));
            Assert.That(Positions(text, "CVE-2024-2 libssl3", "CVE-2024-1 openssl"), Is.Ordered.And.All.GreaterThanOrEqualTo(0), "the high check first");
            Assert.That(text, Does.Contain("CVE-2024-2 libssl3 CVE-2024-3"), "CVEs the check title already shows are not repeated");
        });
    }

    [Test]
    public void Render_TooManyFailures_ListsTheMostSevereThatFitAndCountsTheRest()
    {
        // 6 000 failures of 30 rules with distinct, poorly compressible check titles, CVE ids and rationales.
        var random = new Random(7);
        var failures = Enumerable.Range(0, 6000).Select(i => Failure(
            $"rule-{i % 30}",
            s_severities[random.Next(s_severities.Length)],
            cves: [$"CVE-{2000 + random.Next(25)}-{random.Next(1_000_000)}"],
            check: $"def:{i}",
            checkTitle: $"check-{i} {RandomWord(random, 24)}",
            rationale: RandomWord(random, 300))).ToArray();
        var summary = Summary(failures);

        var report = CompactReport.Render(summary, new CompactReportDetails());

        var text = ReportPage.Parse(report.Html).Text;
        var listed = CheckNumber().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var worstFirst = failures.Select((f, i) => (f, i)).OrderByDescending(x => x.f.Severity).Select(x => x.i).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(report.Encoded, Has.Length.LessThanOrEqualTo(CompactReportOptions.ManageIqEncodedLimit));
            Assert.That(report.Omitted, Is.GreaterThan(0));
            Assert.That(report.Listed + report.Omitted, Is.EqualTo(6000));
            Assert.That(listed, Is.EquivalentTo(worstFirst.Take(report.Listed)), "exactly the most severe, in document order within a severity");
            Assert.That(text, Does.Contain($"This page lists the {report.Listed} most severe of 6000 failed results. {report.Omitted} left out ("));
        });
    }

    [Test]
    public void Render_HugeTextsEverywhere_StillFitsAndCutsEachText()
    {
        var huge = new string('t', 1 << 20);
        var cves = Enumerable.Range(0, 10_000).Select(i => $"CVE-2024-{i}").ToArray();
        var summary = Summary(Enumerable.Range(0, 50).Select(i => Failure(huge + i, ScapSeverity.High, cves, title: huge, rationale: huge, fixText: huge, check: huge, checkTitle: huge)).ToArray()) with
        {
            Target = huge,
            Profile = new ScapProfileInfo(huge, huge),
            Benchmark = new ScapBenchmarkInfo(huge, huge),
        };
        var details = new CompactReportDetails { Image = huge, Digest = huge, Status = huge, Distribution = huge, Notes = huge };

        var report = CompactReport.Render(summary, details);

        var text = ReportPage.Parse(report.Html).Text;
        Assert.Multiple(() =>
        {
            Assert.That(report.Encoded, Has.Length.LessThanOrEqualTo(CompactReportOptions.ManageIqEncodedLimit));
            Assert.That(report.Listed, Is.GreaterThan(0));
            Assert.That(report.Html, Has.Length.LessThan(1 << 20), "every text is cut");
            Assert.That(text, Does.Contain(new string('t', 300) + "\u2026").And.Not.Contain(new string('t', 1501)));
            Assert.That(text, Does.Contain("CVE-2024-11 and 9988 more"));
        });
    }

    [Test]
    public void Render_IncompressibleSummaryAtTheSmallestLimit_Fits()
    {
        var random = new Random(11);
        string Noise() => new([.. Enumerable.Range(0, 5000).Select(_ => (char)random.Next(0x4E00, 0x9FFF))]);
        var summary = Summary([.. Enumerable.Range(0, 20).Select(i => Failure(Noise(), ScapSeverity.High, title: Noise(), rationale: Noise()))]) with
        {
            Target = Noise(),
            Profile = new ScapProfileInfo(Noise(), Noise()),
            Benchmark = new ScapBenchmarkInfo(Noise(), Noise()),
            Results = new Dictionary<string, int> { [Noise()] = 1, ["pass"] = 3 },
        };
        var details = new CompactReportDetails { Image = Noise(), Digest = Noise(), Status = Noise(), Distribution = Noise(), Notes = Noise() };
        var options = new CompactReportOptions { MaxEncodedLength = CompactReportOptions.MinimumEncodedLength };

        var report = CompactReport.Render(summary, details, options);

        Assert.Multiple(() =>
        {
            Assert.That(report.Encoded, Has.Length.LessThanOrEqualTo(CompactReportOptions.MinimumEncodedLength));
            Assert.That(report.Listed + report.Omitted, Is.EqualTo(20));
            Assert.That(report.Html, Does.Not.Contain(summary.Results.Keys.First()[..10]), "only XCCDF result words are listed");
        });
    }

    [Test]
    public void Render_ControlCharactersAndLoneSurrogates_AreReplaced()
    {
        var summary = Summary(Failure("r", ScapSeverity.Low, title: "a\u0000b\u001bc\ud800d\U0001F600e"));

        var report = CompactReport.Render(summary, new CompactReportDetails());

        Assert.That(ReportPage.Parse(report.Html).Text, Does.Contain("a\uFFFDb\uFFFDc\uFFFDd\U0001F600e"));
    }

    [Test]
    public void Render_NoFailures_SaysSo()
    {
        var report = CompactReport.Render(Summary(), new CompactReportDetails { Status = "compliant" });

        Assert.Multiple(() =>
        {
            Assert.That(ReportPage.Parse(report.Html).Text, Does.Contain("No rule failed."));
            Assert.That(report.Listed + report.Omitted, Is.Zero);
        });
    }

    [TestCase(nameof(CompactReportOptions.MaxEncodedLength))]
    [TestCase(nameof(CompactReportOptions.MaxProseLength))]
    public void Render_OptionOutOfRange_ThrowsNamingIt(string name)
    {
        var options = name == nameof(CompactReportOptions.MaxEncodedLength)
            ? new CompactReportOptions { MaxEncodedLength = 1000 }
            : new CompactReportOptions { MaxProseLength = 0 };

        var ex = Assert.Throws<ArgumentException>(() => CompactReport.Render(Summary(), new CompactReportDetails(), options));

        Assert.That(ex!.Message, Does.Contain(name));
    }

    private static ScapSummary Summary(params ScapFailedRule[] failures) => new()
    {
        Kind = ScapResultKind.Arf,
        RuleResults = failures.Length,
        Results = new Dictionary<string, int> { ["fail"] = failures.Length },
        FailedRules = failures,
        FailedBySeverity = new ScapSeverityCounts(
            failures.Count(f => f.Severity == ScapSeverity.High),
            failures.Count(f => f.Severity == ScapSeverity.Medium),
            failures.Count(f => f.Severity == ScapSeverity.Low),
            failures.Count(f => f.Severity == ScapSeverity.Info),
            failures.Count(f => f.Severity == ScapSeverity.Unknown)),
    };

    private static ScapFailedRule Failure(
        string id, ScapSeverity severity, string[]? cves = null, string? title = null, string? rationale = null, string? fixText = null, string? check = null, string? checkTitle = null) => new()
    {
        Id = id,
        Title = title ?? "Title " + id,
        Severity = severity,
        Cves = cves ?? [],
        Rationale = rationale,
        FixText = fixText,
        Check = check,
        CheckTitle = checkTitle,
    };

    private static List<int> Positions(string text, params string[] parts) =>
        [.. parts.Select(p => text.IndexOf(p, StringComparison.Ordinal))];

    private static string RandomWord(Random random, int length)
    {
        var word = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            word.Append((char)random.Next('a', 'z' + 1));
        }

        return word.ToString();
    }

    [GeneratedRegex(@"check-(\d+) ")]
    private static partial Regex CheckNumber();
}
