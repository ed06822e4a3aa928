using System.Globalization;
using ManageIQ.OpenScap.Compliance.Thresholds;
using ManageIQ.OpenScap.Compliance.Waivers;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Scap;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Compliance.Evaluation;

/// <summary>
/// The one place <c>openscap_status</c> is decided. Waivers first take their findings out of the scan (a failed
/// rule named by a rule waiver, a CVE named by a CVE waiver, and a failed result whose CVEs are all waived); the
/// provider's thresholds then judge what is left. A scan without results is an <c>error</c>: no verdict.
/// </summary>
public sealed class ComplianceEvaluator(IOptions<ComplianceThresholds> thresholds)
{
    public const string ErrorReason = "The scan failed: an error has no verdict.";

    public ComplianceEvaluation Evaluate(ScapSummary? summary, ImageScope scope, WaiverSet waivers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(waivers);
        if (summary is null)
        {
            return new ComplianceEvaluation(OpenScapStatus.Error, [ErrorReason], null, []);
        }

        var waived = new Dictionary<(FindingKind, string), WaivedFinding>();
        WaivedFinding? Waive(FindingKind kind, string id)
        {
            if (waived.TryGetValue((kind, id), out var known))
            {
                return known;
            }

            if (waivers.Find(kind, id, scope, now) is not { } waiver)
            {
                return null;
            }

            return waived[(kind, id)] = waiver.Waive(id);
        }

        var cves = summary.Cves.Where(c => Waive(FindingKind.Cve, c.Id) is null).ToList();
        var rules = new List<ScapFailedRule>(summary.FailedRules.Count);
        var removed = new int[Enum.GetValues<ScapSeverity>().Length];
        foreach (var rule in summary.FailedRules)
        {
            var byCves = rule.Cves.Count > 0 && rule.Cves.All(c => Waive(FindingKind.Cve, c) is not null);
            if (byCves || Waive(FindingKind.Rule, rule.Id) is not null)
            {
                removed[(int)rule.Severity]++;
            }
            else
            {
                rules.Add(rule);
            }
        }

        var counted = summary with { FailedRules = rules, Cves = cves, FailedBySeverity = Subtract(summary.FailedBySeverity, removed) };
        return Judge(counted, thresholds.Value.For(scope.ProviderId), [.. waived.Values.OrderBy(w => w.Kind).ThenBy(w => w.Id, StringComparer.Ordinal)]);
    }

    private static ComplianceEvaluation Judge(ScapSummary counted, ComplianceOptions limits, IReadOnlyList<WaivedFinding> waived)
    {
        var c = CultureInfo.InvariantCulture;
        var reasons = new List<string>();
        var failedRules = limits.MinRuleSeverity.Count(counted.FailedBySeverity);
        var rulesFail = failedRules > limits.MaxFailedRules;
        reasons.Add(string.Create(c, $"{(rulesFail ? "Over the limit" : "Within the limit")}: {failedRules} failed rules {limits.MinRuleSeverity.Describe()} (at most {limits.MaxFailedRules} allowed)."));
        var cvesFail = false;
        if (limits.CountCves)
        {
            var vulnerable = counted.Cves.Count(cve => limits.MinCveSeverity.Counts(cve.Severity));
            cvesFail = vulnerable > limits.MaxVulnerableCves;
            reasons.Add(string.Create(c, $"{(cvesFail ? "Over the limit" : "Within the limit")}: {vulnerable} vulnerable CVEs {limits.MinCveSeverity.Describe()} (at most {limits.MaxVulnerableCves} allowed)."));
        }
        else
        {
            reasons.Add("Vulnerable CVEs are not counted (CountCves is false).");
        }

        if (waived.Count > 0)
        {
            reasons.Add(string.Create(c, $"{waived.Count} findings waived, not counted."));
        }

        return new ComplianceEvaluation(rulesFail || cvesFail ? OpenScapStatus.NonCompliant : OpenScapStatus.Compliant, reasons, counted, waived);
    }

    private static ScapSeverityCounts Subtract(ScapSeverityCounts counts, int[] removed) => new(
        Math.Max(0, counts.High - removed[(int)ScapSeverity.High]),
        Math.Max(0, counts.Medium - removed[(int)ScapSeverity.Medium]),
        Math.Max(0, counts.Low - removed[(int)ScapSeverity.Low]),
        Math.Max(0, counts.Info - removed[(int)ScapSeverity.Info]),
        Math.Max(0, counts.Unknown - removed[(int)ScapSeverity.Unknown]));
}
