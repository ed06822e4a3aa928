using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Publishing.Tests;

public sealed class ComplianceDecisionTests
{
    [TestCase(ComplianceCveSeverity.High, ScapSeverity.High, OpenScapStatus.NonCompliant)]
    [TestCase(ComplianceCveSeverity.High, ScapSeverity.Medium, OpenScapStatus.Compliant)]
    [TestCase(ComplianceCveSeverity.Medium, ScapSeverity.Medium, OpenScapStatus.NonCompliant)]
    [TestCase(ComplianceCveSeverity.Medium, ScapSeverity.Low, OpenScapStatus.Compliant)]
    [TestCase(ComplianceCveSeverity.Low, ScapSeverity.Low, OpenScapStatus.NonCompliant)]
    [TestCase(ComplianceCveSeverity.Low, ScapSeverity.Info, OpenScapStatus.Compliant)]
    [TestCase(ComplianceCveSeverity.Info, ScapSeverity.Info, OpenScapStatus.NonCompliant)]
    [TestCase(ComplianceCveSeverity.Info, ScapSeverity.Unknown, OpenScapStatus.Compliant)]
    [TestCase(ComplianceCveSeverity.Any, ScapSeverity.Unknown, OpenScapStatus.NonCompliant)]
    [TestCase(ComplianceCveSeverity.Any, ScapSeverity.Medium, OpenScapStatus.NonCompliant)]
    public void Decide_OneVulnerableCve_CountsFromTheConfiguredSeverity(ComplianceCveSeverity threshold, ScapSeverity severity, OpenScapStatus expected)
    {
        var summary = Summary(highRules: 0, [new ScapCve("CVE-2026-0001", severity)]);

        Assert.That(ComplianceDecision.Decide(summary, new ComplianceOptions { MinCveSeverity = threshold }), Is.EqualTo(expected));
    }

    [Test]
    public void Decide_NoCve_IsCompliantAtAnyThreshold_UnlessAHighRuleFailed()
    {
        var options = new ComplianceOptions { MinCveSeverity = ComplianceCveSeverity.Any };

        Assert.Multiple(() =>
        {
            Assert.That(ComplianceDecision.Decide(Summary(0, []), options), Is.EqualTo(OpenScapStatus.Compliant));
            Assert.That(ComplianceDecision.Decide(Summary(1, []), options), Is.EqualTo(OpenScapStatus.NonCompliant));
            Assert.That(ComplianceDecision.Decide(null, options), Is.EqualTo(OpenScapStatus.Error));
        });
    }

    [Test]
    public void Decide_WithoutOptions_IsTheHighDefault()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new ComplianceOptions().MinCveSeverity, Is.EqualTo(ComplianceCveSeverity.High));
            Assert.That(ComplianceDecision.Decide(Summary(0, [new ScapCve("CVE-2026-0001", ScapSeverity.Medium)])), Is.EqualTo(OpenScapStatus.Compliant));
        });
    }

    [Test]
    public void Validator_AnUndefinedNumber_NamesTheKeyAndTheValues()
    {
        var result = new ComplianceOptionsValidator().Validate(null, new ComplianceOptions { MinCveSeverity = (ComplianceCveSeverity)7 });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Is.EqualTo("Bridge:Compliance:MinCveSeverity is '7'; use high, medium, low, info, any."));
        Assert.That(new ComplianceOptionsValidator().Validate(null, new ComplianceOptions { MinCveSeverity = ComplianceCveSeverity.Any }).Succeeded, Is.True);
    }

    private static ScapSummary Summary(int highRules, IReadOnlyList<ScapCve> cves) => new()
    {
        Kind = ScapResultKind.Arf,
        Results = new Dictionary<string, int> { ["pass"] = 10, ["fail"] = highRules },
        FailedBySeverity = new ScapSeverityCounts(highRules, 0, 0, 0, 0),
        FailedRules = [.. Enumerable.Range(0, highRules).Select(i => new ScapFailedRule { Id = "rule_" + i, Severity = ScapSeverity.High })],
        Cves = cves,
    };
}
