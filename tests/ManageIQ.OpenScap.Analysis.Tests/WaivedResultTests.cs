using ManageIQ.OpenScap.Analysis.Composing;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Scap;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Analysis.Tests;

/// <summary>A waived finding: out of the posted counts, listed in <c>openscap_waived</c> and the compact report with its reason.</summary>
public sealed class WaivedResultTests
{
    private const string Rule = "xccdf_org.ssgproject.content_rule_security_patches_up_to_date";
    private static readonly ContainerImage Image = new() { Id = 7, Name = "team/app", Tag = "1", Digest = "sha256:" + new string('a', 64), EmsId = 1 };

    [Test]
    public async Task Compose_AWaivedHighCve_PostsCountsAfterWaiversAndListsTheWaiverApart()
    {
        using var directory = new TempDirectory();
        var waivers = Path.Combine(directory.Path, "waivers.yaml");
        await File.WriteAllTextAsync(waivers, "waivers:\n  - id: CVE-2026-0002\n    reason: Only in a build stage.\n    owner: alice\n    expires: 2999-12-31\n");
        await using var services = new ServiceCollection()
            .AddImageAnalysis(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bridge:Waivers:File"] = waivers }).Build())
            .BuildServiceProvider();
        var report = new ScanReport
        {
            Outcome = ScanOutcome.Completed,
            Summary = new ScapSummary
            {
                Kind = ScapResultKind.Arf,
                Results = new Dictionary<string, int> { ["pass"] = 3, ["fail"] = 2 },
                FailedBySeverity = new ScapSeverityCounts(2, 0, 0, 0, 0),
                FailedRules =
                [
                    new ScapFailedRule { Id = Rule, Severity = ScapSeverity.High, Cves = ["CVE-2026-0001"] },
                    new ScapFailedRule { Id = Rule, Severity = ScapSeverity.High, Cves = ["CVE-2026-0002"] },
                ],
                Cves = [new ScapCve("CVE-2026-0001", ScapSeverity.Low), new ScapCve("CVE-2026-0002", ScapSeverity.High)],
            },
        };

        var composed = await services.GetRequiredService<ResultComposer>().ComposeAsync(Image, report, "scan-1", DateTimeOffset.UtcNow, directory.Path, CancellationToken.None);

        var values = composed.Record.Attributes.ToDictionary(a => a.Name, a => a.Value);
        var html = await File.ReadAllTextAsync(composed.CompactReportPath!);
        Assert.Multiple(() =>
        {
            Assert.That(composed.Status, Is.EqualTo(OpenScapStatus.NonCompliant), "the other high result still counts");
            Assert.That(values[OpenScapAttributeNames.FailedHigh], Is.EqualTo("1"));
            Assert.That(values[OpenScapAttributeNames.CvesVulnerable], Is.EqualTo("1"));
            Assert.That(values[OpenScapAttributeNames.Cves], Is.EqualTo("CVE-2026-0001"));
            Assert.That(values[OpenScapAttributeNames.Waived], Is.EqualTo("CVE-2026-0002 (alice, until 2999-12-31): Only in a build stage."));
            Assert.That(values[OpenScapAttributeNames.ComplianceReasons], Does.StartWith("Over the limit: 1 failed rules of high severity (at most 0 allowed)."));
            Assert.That(html, Does.Contain("<th>Waived</th>").And.Contain("Only in a build stage."));
        });
    }
}
