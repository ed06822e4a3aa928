namespace ManageIQ.OpenScap.Publishing;

/// <summary>
/// The lowest severity a finding must have to count toward <c>non_compliant</c> (<c>MinRuleSeverity</c>,
/// <c>MinCveSeverity</c> under <c>Bridge:Compliance</c>). <see cref="Any"/> counts every finding, those without a
/// severity (a Debian feed's CVEs, rules of unknown severity) included.
/// </summary>
public enum ComplianceSeverityFloor
{
    High,
    Medium,
    Low,
    Info,
    Any,
}
