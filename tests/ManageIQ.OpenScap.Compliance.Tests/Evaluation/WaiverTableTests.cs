using System.Text;
using ManageIQ.OpenScap.Compliance.Evaluation;
using ManageIQ.OpenScap.Compliance.Thresholds;
using ManageIQ.OpenScap.Compliance.Waivers;
using ManageIQ.OpenScap.Publishing;
using Microsoft.Extensions.Options;
using static ManageIQ.OpenScap.Publishing.OpenScapStatus;

namespace ManageIQ.OpenScap.Compliance.Tests.Evaluation;

/// <summary>
/// Every waiver case as a row, from the file text to the status: image <c>team/app</c> of provider 1 has one failed
/// high rule (<c>rule_high_0</c>) and one vulnerable high CVE (<c>CVE-2026-0001</c>); on 2026-12-03 either makes it
/// non-compliant by the default thresholds.
/// </summary>
public sealed class WaiverTableTests
{
    private const string Rule = Findings.RulePrefix + "rule_high_0";
    private const string Cve = "CVE-2026-0001";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    // ids waived | provider, project, image scope | expires | status | findings waived
    [TestCase(Rule + "," + Cve, null, null, null, "2027-01-31", Compliant, 2, TestName = "A rule and a CVE waived")]
    [TestCase(Rule, null, null, null, "2027-01-31", NonCompliant, 1, TestName = "A rule waiver: the CVE still counts")]
    [TestCase("rule_high_0," + Cve, null, null, null, "2027-01-31", Compliant, 2, TestName = "A rule waiver by its short id")]
    [TestCase(Cve, null, null, null, "2027-01-31", NonCompliant, 1, TestName = "A CVE waiver: the rule still counts")]
    [TestCase("cve-2026-0001," + Rule, null, null, null, "2027-01-31", Compliant, 2, TestName = "A CVE id in lower case")]
    [TestCase(Rule + "," + Cve, null, null, null, "2026-12-02", NonCompliant, 0, TestName = "Expired yesterday: nothing waived")]
    [TestCase(Rule + "," + Cve, null, null, null, "2026-12-03", Compliant, 2, TestName = "Expiring today: still holds")]
    [TestCase(Rule + "," + Cve, "2", null, null, "2027-01-31", NonCompliant, 0, TestName = "Scoped to another provider")]
    [TestCase(Rule + "," + Cve, "1", null, null, "2027-01-31", Compliant, 2, TestName = "Scoped to the image's provider")]
    [TestCase(Rule + "," + Cve, null, "other", null, "2027-01-31", NonCompliant, 0, TestName = "Scoped to another project")]
    [TestCase(Rule + "," + Cve, "1", "team", null, "2027-01-31", Compliant, 2, TestName = "Scoped to the image's provider and project")]
    [TestCase(Rule + "," + Cve, null, null, "team/*", "2027-01-31", Compliant, 2, TestName = "An image pattern that matches")]
    [TestCase(Rule + "," + Cve, null, null, "team/api*", "2027-01-31", NonCompliant, 0, TestName = "An image pattern that does not match")]
    [TestCase("rule_other," + "CVE-2026-9999", null, null, null, "2027-01-31", NonCompliant, 0, TestName = "Waivers of findings the image does not have")]
    public void Evaluate_TheWaivers_DecideAsTheTableSays(string ids, string? provider, string? project, string? image, string expires, OpenScapStatus expected, int waived)
    {
        var waivers = WaiverFileParser.Parse(File(ids.Split(','), provider, project, image, expires), "waivers.yaml");

        var evaluation = Evaluate(waivers);

        Assert.Multiple(() =>
        {
            Assert.That(evaluation.Status, Is.EqualTo(expected), string.Join(" ", evaluation.Reasons));
            Assert.That(evaluation.Waived, Has.Count.EqualTo(waived));
        });
    }

    [Test]
    public void Evaluate_ACveWaiver_TakesTheCveAndItsFailedResultOutOfTheCounts()
    {
        var evaluation = Evaluate(WaiverFileParser.Parse(File([Cve], null, null, null, "2027-01-31"), "waivers.yaml"));

        Assert.Multiple(() =>
        {
            Assert.That(evaluation.Counted!.Cves, Is.Empty);
            Assert.That(evaluation.Counted.FailedBySeverity.Medium, Is.Zero);
            Assert.That(evaluation.Counted.FailedBySeverity.High, Is.EqualTo(1));
            Assert.That(evaluation.Counted.FailedRules.Select(r => r.Id), Is.EqualTo(new[] { Rule }));
            Assert.That(evaluation.Waived.Single().ToString(), Is.EqualTo("CVE-2026-0001 (alice@example.com, until 2027-01-31): Not reachable in this image."));
            Assert.That(evaluation.Reasons, Does.Contain("1 findings waived, not counted."));
        });
    }

    private static ComplianceEvaluation Evaluate(WaiverSet waivers) =>
        new ComplianceEvaluator(Options.Create(new ComplianceThresholds()))
            .Evaluate(Findings.Summary(1, 0, 0, Cve + ":high"), ImageScope.Of("1", "team/app"), waivers, Now);

    internal static string File(IEnumerable<string> ids, string? provider, string? project, string? image, string expires)
    {
        var text = new StringBuilder("waivers:\n");
        foreach (var id in ids)
        {
            text.Append("  - id: ").Append(id).Append('\n')
                .Append("    reason: Not reachable in this image.\n")
                .Append("    owner: alice@example.com\n")
                .Append("    expires: ").Append(expires).Append('\n');
            Scope(text, "provider", provider);
            Scope(text, "project", project);
            Scope(text, "image", image);
        }

        return text.ToString();
    }

    private static void Scope(StringBuilder text, string key, string? value)
    {
        if (value is not null)
        {
            text.Append("    ").Append(key).Append(": \"").Append(value).Append("\"\n");
        }
    }
}
