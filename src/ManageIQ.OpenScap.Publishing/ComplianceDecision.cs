using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Publishing;

/// <summary>
/// The default verdict until the configurable evaluator: non-compliant with any high-severity failed rule or any
/// high-severity vulnerable CVE; a scan without results is an error and has no verdict.
/// </summary>
public static class ComplianceDecision
{
    public static OpenScapStatus Decide(ScapSummary? summary)
    {
        if (summary is null)
        {
            return OpenScapStatus.Error;
        }

        var highCve = summary.Cves.Any(c => c.Severity == ScapSeverity.High);
        return summary.FailedBySeverity.High > 0 || highCve ? OpenScapStatus.NonCompliant : OpenScapStatus.Compliant;
    }
}
