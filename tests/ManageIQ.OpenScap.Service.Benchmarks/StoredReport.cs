using System.Globalization;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Service.Benchmarks;

/// <summary>
/// One finished scan kept on disk the way the kubernetes backend leaves it (<c>summary.json</c>, the ARF, the HTML
/// report) and the <see cref="ScanReport"/> it returns for it: the inspector's summary, read back from its JSON, and
/// the artifacts' paths. The "ARF" is a text file that no SCAP reader accepts, so a service that parsed it would fail.
/// The summary is that of a Debian 12 <c>standard</c> scan of an ageing image with a CVE feed: 25 failed rules and 75
/// failed CVE definitions (120 CVEs), descriptions and rationales included.
/// </summary>
internal sealed class StoredReport
{
    public const string NotAnArf = "This is not an ARF document. The service must use the summary it was given and never parse this file.\n";

    private StoredReport(ScanReport report, long summaryBytes)
    {
        Report = report;
        SummaryBytes = summaryBytes;
    }

    public ScanReport Report { get; }

    public long SummaryBytes { get; }

    public static StoredReport Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var summaryPath = Path.Combine(directory, InspectorArtifacts.Summary);
        var arfPath = Path.Combine(directory, InspectorArtifacts.Arf);
        var htmlPath = Path.Combine(directory, InspectorArtifacts.Html);
        File.WriteAllText(summaryPath, ScapSummaryJson.Serialize(Summary()));
        File.WriteAllText(arfPath, NotAnArf);
        File.WriteAllText(htmlPath, "<!DOCTYPE html><html><head><title>OpenSCAP report</title></head><body>stored</body></html>\n");

        // As the kubernetes backend does with the inspector's /api/v1/summary: the summary comes from its JSON.
        var summary = ScapSummaryJson.Deserialize(File.ReadAllText(summaryPath));
        var report = new ScanReport
        {
            Outcome = ScanOutcome.Completed,
            Distribution = new ScanDistribution("debian", "12", [], "Debian GNU/Linux 12 (bookworm)"),
            Content = new ContentFingerprint
            {
                DataStream = "ssg-debian12-ds.xml",
                BenchmarkVersion = "0.1.76",
                Profile = "xccdf_org.ssgproject.content_profile_standard",
                CveFeed = "https://security-metadata.example.test/oval/oval-definitions-bookworm.xml.bz2",
                CveFeedMode = "local-files",
                CveFeedVersion = "\"bench-1\"",
                CveFeedDate = DateTimeOffset.UtcNow.AddDays(-1),
                OscapVersion = "1.3.7",
            },
            OscapExitCode = 2,
            Summary = summary,
            Artifacts = new ScanArtifactPaths { Arf = arfPath, Html = htmlPath, Summary = summaryPath },
            Timings = new ScanTimings
            {
                Pod = TimeSpan.FromSeconds(4),
                Acquire = TimeSpan.FromSeconds(12),
                Oscap = TimeSpan.FromSeconds(40),
                Report = TimeSpan.FromSeconds(15),
                Summary = TimeSpan.FromSeconds(1),
                Ready = TimeSpan.FromSeconds(58),
                Collect = TimeSpan.FromSeconds(2),
                Total = TimeSpan.FromSeconds(64),
            },
        };
        return new StoredReport(report, new FileInfo(summaryPath).Length);
    }

    /// <summary>The report for <paramref name="job"/>: the stored one, naming the image the job expected.</summary>
    public ScanReport For(ScanJob job)
    {
        var digest = job.ExpectedIdentity ?? "sha256:" + new string('0', 64);
        return Report with
        {
            Image = new ImageIdentity { Reference = job.PullSpec, ImageId = digest, ManifestDigest = job.ExpectedDigest, Os = "linux", Architecture = "amd64" },
        };
    }

    private static ScapSummary Summary()
    {
        ScapSeverity[] severities = [ScapSeverity.High, ScapSeverity.Medium, ScapSeverity.Medium, ScapSeverity.Low, ScapSeverity.Unknown];
        var failed = new List<ScapFailedRule>();
        for (var r = 0; r < 25; r++)
        {
            failed.Add(new ScapFailedRule
            {
                Id = $"xccdf_org.ssgproject.content_rule_bench_configuration_rule_{r:D2}",
                Title = $"Ensure configuration item {r} of the standard profile is set",
                Description = $"The configuration item {r} must be set as the Debian 12 standard profile describes. " + Filler(320),
                Rationale = "Leaving it unset weakens the system's defences: " + Filler(220),
                Severity = severities[r % severities.Length],
                Weight = 1.0,
                Idents = [new ScapIdent("https://ncp.nist.gov/cce", $"CCE-{80000 + r}-{r % 10}")],
                Check = $"oval:ssg-bench_configuration_rule_{r:D2}:def:1",
            });
        }

        var cves = new List<ScapCve>();
        for (var d = 0; d < 75; d++)
        {
            var ids = d < 45 ? new[] { Cve(2 * d), Cve((2 * d) + 1) } : [Cve(45 + d)];
            var severity = severities[d % 4];
            cves.AddRange(ids.Select(id => new ScapCve(id, severity)));
            failed.Add(new ScapFailedRule
            {
                Id = "xccdf_org.ssgproject.content_rule_security_patches_up_to_date",
                Title = "Ensure Software Patches Installed",
                Description = "Installing software updates is a fundamental mitigation against the exploitation of publicly-known vulnerabilities.",
                Rationale = "Installing software updates is a fundamental mitigation against the exploitation of publicly-known vulnerabilities.",
                Severity = severity,
                Weight = 1.0,
                Cves = ids,
                Check = $"oval:org.debian:def:{1000000 + d}",
                CheckTitle = $"{ids[0]} package-{d % 30}",
            });
        }

        var counts = new ScapSeverityCounts(
            failed.Count(f => f.Severity == ScapSeverity.High),
            failed.Count(f => f.Severity == ScapSeverity.Medium),
            failed.Count(f => f.Severity == ScapSeverity.Low),
            failed.Count(f => f.Severity == ScapSeverity.Info),
            failed.Count(f => f.Severity == ScapSeverity.Unknown));
        var results = new Dictionary<string, int>(StringComparer.Ordinal) { ["pass"] = 57, ["fail"] = failed.Count, ["notapplicable"] = 31, ["notselected"] = 1488 };
        return new ScapSummary
        {
            Kind = ScapResultKind.Arf,
            Source = InspectorArtifacts.Arf,
            TestResultId = "xccdf_org.open-scap_testresult_xccdf_org.ssgproject.content_profile_standard",
            Benchmark = new ScapBenchmarkInfo("xccdf_org.ssgproject.content_benchmark_DEBIAN-12", "0.1.76"),
            Profile = new ScapProfileInfo("xccdf_org.ssgproject.content_profile_standard", "Standard System Security Profile for Debian 12"),
            Target = "bench-image",
            TargetFacts = [new ScapTargetFact("urn:xccdf:fact:identifier", "string", "chroot:///var/tmp/image-root")],
            StartTime = DateTimeOffset.UtcNow.AddMinutes(-2),
            EndTime = DateTimeOffset.UtcNow.AddMinutes(-1),
            Scores = [new ScapScore("urn:xccdf:scoring:default", 100, 64.2)],
            RuleResults = results.Values.Sum(),
            Results = results,
            FailedBySeverity = counts,
            FailedRules = failed,
            Cves = [.. cves.DistinctBy(c => c.Id)],
        };
    }

    private static string Cve(int n) => string.Create(CultureInfo.InvariantCulture, $"CVE-2024-{20000 + n}");

    private static string Filler(int length)
    {
        const string Words = "Configure the setting in the file named by the rule and restart the service that reads it so the change takes effect. ";
        var text = string.Concat(Enumerable.Repeat(Words, (length / Words.Length) + 1));
        return text[..length].TrimEnd();
    }
}
