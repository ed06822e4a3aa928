using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Publishing;

/// <summary>
/// The verdict until the configurable evaluator: non-compliant with any high-severity failed rule or any vulnerable
/// CVE of at least <see cref="ComplianceOptions.MinCveSeverity"/> (high by default); a scan without results is an
/// error and has no verdict.
/// </summary>
public static class ComplianceDecision
{
    public static OpenScapStatus Decide(ScapSummary? summary, ComplianceOptions? options = null)
    {
        if (summary is null)
        {
            return OpenScapStatus.Error;
        }

        var threshold = (options ?? new ComplianceOptions()).MinCveSeverity;
        var cve = summary.Cves.Any(c => Counts(c.Severity, threshold));
        return summary.FailedBySeverity.High > 0 || cve ? OpenScapStatus.NonCompliant : OpenScapStatus.Compliant;
    }

    private static bool Counts(ScapSeverity severity, ComplianceCveSeverity threshold) => threshold switch
    {
        ComplianceCveSeverity.Any => true,
        ComplianceCveSeverity.Info => severity >= ScapSeverity.Info,
        ComplianceCveSeverity.Low => severity >= ScapSeverity.Low,
        ComplianceCveSeverity.Medium => severity >= ScapSeverity.Medium,
        _ => severity >= ScapSeverity.High,
    };
}
