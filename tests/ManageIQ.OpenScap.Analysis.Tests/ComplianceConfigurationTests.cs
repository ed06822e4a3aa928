using ManageIQ.OpenScap.Analysis.Composing;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Scap;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Analysis.Tests;

/// <summary><c>Bridge:Compliance:MinCveSeverity</c> as configuration sets it: bound, validated, and used by the verdict.</summary>
public sealed class ComplianceConfigurationTests
{
    private static readonly ContainerImage Image = new() { Id = 7, Name = "demo/debian", Tag = "12", Digest = "sha256:" + new string('a', 64), EmsId = 1 };

    [TestCase(null, OpenScapStatus.Compliant)]
    [TestCase("high", OpenScapStatus.Compliant)]
    [TestCase("medium", OpenScapStatus.NonCompliant)]
    [TestCase("Any", OpenScapStatus.NonCompliant)]
    public async Task Compose_AMediumCve_FollowsTheConfiguredSeverity(string? value, OpenScapStatus expected)
    {
        using var provider = Services(value);
        using var directory = new TempDirectory();
        var report = new ScanReport
        {
            Outcome = ScanOutcome.Completed,
            OscapExitCode = 2,
            Summary = new ScapSummary
            {
                Kind = ScapResultKind.Arf,
                Results = new Dictionary<string, int> { ["pass"] = 3, ["fail"] = 1 },
                FailedBySeverity = new ScapSeverityCounts(0, 1, 0, 0, 0),
                FailedRules = [new ScapFailedRule { Id = "xccdf_org.ssgproject.content_rule_security_patches_up_to_date", Severity = ScapSeverity.Medium, Cves = ["CVE-2026-27171"] }],
                Cves = [new ScapCve("CVE-2026-27171", ScapSeverity.Medium)],
            },
        };

        var composed = await provider.GetRequiredService<ResultComposer>().ComposeAsync(Image, report, "scan-1", DateTimeOffset.UtcNow, directory.Path, CancellationToken.None);

        Assert.That(composed.Status, Is.EqualTo(expected));
    }

    [Test]
    public void Options_AWordThatIsNoSeverity_IsRefusedNamingTheKey()
    {
        using var provider = Services("sometimes");

        var error = Assert.Throws<InvalidOperationException>(() => _ = provider.GetRequiredService<IOptions<ComplianceOptions>>().Value);

        Assert.That(error!.Message, Does.Contain("Bridge:Compliance:MinCveSeverity"));
    }

    [Test]
    public void Options_AnUndefinedNumber_FailsValidationNamingTheKey()
    {
        using var provider = Services("9");

        var error = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<ComplianceOptions>>().Value);

        Assert.That(error!.Message, Does.Contain("Bridge:Compliance:MinCveSeverity is '9'"));
    }

    private static ServiceProvider Services(string? minCveSeverity)
    {
        var values = new Dictionary<string, string?>();
        if (minCveSeverity is not null)
        {
            values["Bridge:Compliance:MinCveSeverity"] = minCveSeverity;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddImageAnalysis(configuration).BuildServiceProvider();
    }
}
