using ManageIQ.OpenScap.Compliance.Evaluation;
using ManageIQ.OpenScap.Compliance.Thresholds;
using ManageIQ.OpenScap.Compliance.Waivers;
using ManageIQ.OpenScap.Publishing;
using Microsoft.Extensions.Options;
using static ManageIQ.OpenScap.Publishing.ComplianceSeverityFloor;
using static ManageIQ.OpenScap.Publishing.OpenScapStatus;

namespace ManageIQ.OpenScap.Compliance.Tests.Evaluation;

/// <summary>Every threshold case as a row: the thresholds, the findings (no waivers), and the status decided.</summary>
public sealed class ThresholdTableTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] ExpectedReasons =
    [
        "Over the limit: 2 failed rules of high severity (at most 0 allowed).",
        "Within the limit: 0 vulnerable CVEs of high severity (at most 0 allowed).",
    ];

    // rule floor, max rules, count CVEs, CVE floor, max CVEs | high, medium, low, CVEs | expected
    [TestCase(High, 0, true, High, 0, 0, 0, 0, new string[0], Compliant, TestName = "Default: nothing failed")]
    [TestCase(High, 0, true, High, 0, 1, 0, 0, new string[0], NonCompliant, TestName = "Default: one high rule")]
    [TestCase(High, 0, true, High, 0, 0, 5, 3, new string[0], Compliant, TestName = "Default: medium and low rules only")]
    [TestCase(High, 0, true, High, 0, 0, 0, 0, new[] { "CVE-2026-0001:high" }, NonCompliant, TestName = "Default: one high CVE")]
    [TestCase(High, 0, true, High, 0, 0, 0, 0, new[] { "CVE-2026-0001:medium" }, Compliant, TestName = "Default: a medium CVE (its medium rule result does not count)")]
    [TestCase(Medium, 0, true, High, 0, 0, 1, 0, new string[0], NonCompliant, TestName = "Rule floor medium: one medium rule")]
    [TestCase(Medium, 0, true, High, 0, 0, 0, 1, new string[0], Compliant, TestName = "Rule floor medium: a low rule")]
    [TestCase(Low, 0, true, High, 0, 0, 0, 1, new string[0], NonCompliant, TestName = "Rule floor low: a low rule")]
    [TestCase(Any, 0, false, High, 0, 0, 0, 0, new[] { "CVE-2026-0001:unknown" }, NonCompliant, TestName = "Rule floor any: the CVE's failed result counts as a rule")]
    [TestCase(High, 2, true, High, 0, 2, 0, 0, new string[0], Compliant, TestName = "Rule limit 2: two high rules")]
    [TestCase(High, 2, true, High, 0, 3, 0, 0, new string[0], NonCompliant, TestName = "Rule limit 2: three high rules")]
    [TestCase(High, 0, true, Medium, 0, 0, 0, 0, new[] { "CVE-2026-0001:medium" }, NonCompliant, TestName = "CVE floor medium: a medium CVE")]
    [TestCase(High, 0, true, Medium, 0, 0, 0, 0, new[] { "CVE-2026-0001:low" }, Compliant, TestName = "CVE floor medium: a low CVE")]
    [TestCase(High, 0, true, Info, 0, 0, 0, 0, new[] { "CVE-2026-0001:unknown" }, Compliant, TestName = "CVE floor info: a CVE without severity")]
    [TestCase(High, 0, true, Any, 0, 0, 0, 0, new[] { "CVE-2026-0001:unknown" }, NonCompliant, TestName = "CVE floor any (the demo): a CVE without severity")]
    [TestCase(High, 0, true, Any, 2, 0, 0, 0, new[] { "CVE-2026-0001:high", "CVE-2026-0002:low" }, Compliant, TestName = "CVE limit 2: two CVEs")]
    [TestCase(High, 0, true, Any, 2, 0, 0, 0, new[] { "CVE-2026-0001:high", "CVE-2026-0002:low", "CVE-2026-0003:low" }, NonCompliant, TestName = "CVE limit 2: three CVEs")]
    [TestCase(High, 0, false, High, 0, 0, 0, 0, new[] { "CVE-2026-0001:high" }, Compliant, TestName = "CVEs not counted: a high CVE")]
    [TestCase(High, 0, false, High, 0, 1, 0, 0, new[] { "CVE-2026-0001:high" }, NonCompliant, TestName = "CVEs not counted: a high rule still counts")]
    public void Evaluate_TheThresholds_DecideAsTheTableSays(
        ComplianceSeverityFloor ruleFloor, int maxRules, bool countCves, ComplianceSeverityFloor cveFloor, int maxCves,
        int high, int medium, int low, string[] cves, OpenScapStatus expected)
    {
        var thresholds = new ComplianceThresholds
        {
            Default = new ComplianceOptions { MinRuleSeverity = ruleFloor, MaxFailedRules = maxRules, CountCves = countCves, MinCveSeverity = cveFloor, MaxVulnerableCves = maxCves },
        };

        var evaluation = new ComplianceEvaluator(Options.Create(thresholds))
            .Evaluate(Findings.Summary(high, medium, low, cves), ImageScope.Of("1", "team/app"), WaiverSet.Empty, Now);

        Assert.That(evaluation.Status, Is.EqualTo(expected), string.Join(" ", evaluation.Reasons));
    }

    [Test]
    public void Evaluate_AFailedScan_IsAnErrorWithoutVerdictOrCounts()
    {
        var evaluation = new ComplianceEvaluator(Options.Create(new ComplianceThresholds())).Evaluate(null, ImageScope.Of("1", "team/app"), WaiverSet.Empty, Now);

        Assert.Multiple(() =>
        {
            Assert.That(evaluation.Status, Is.EqualTo(OpenScapStatus.Error));
            Assert.That(evaluation.Counted, Is.Null);
            Assert.That(evaluation.Reasons, Is.EqualTo(new[] { ComplianceEvaluator.ErrorReason }));
        });
    }

    [Test]
    public void Evaluate_Reasons_NameEachThresholdAndItsCount()
    {
        var evaluation = new ComplianceEvaluator(Options.Create(new ComplianceThresholds()))
            .Evaluate(Findings.Summary(2, 0, 0, "CVE-2026-0001:medium"), ImageScope.Of("1", "team/app"), WaiverSet.Empty, Now);

        Assert.That(evaluation.Reasons, Is.EqualTo(ExpectedReasons));
    }

    [TestCase("1", OpenScapStatus.Compliant)]
    [TestCase("2", OpenScapStatus.NonCompliant)]
    [TestCase(null, OpenScapStatus.NonCompliant)]
    public void Evaluate_AProviderWithItsOwnThresholds_IsJudgedByThemAndOthersByTheDefault(string? provider, OpenScapStatus expected)
    {
        var thresholds = new ComplianceThresholds();
        thresholds.ByProvider["1"] = new ComplianceOptions { MaxFailedRules = 5 };

        var evaluation = new ComplianceEvaluator(Options.Create(thresholds)).Evaluate(Findings.Summary(1, 0, 0), ImageScope.Of(provider, "team/app"), WaiverSet.Empty, Now);

        Assert.That(evaluation.Status, Is.EqualTo(expected));
    }
}
