namespace ManageIQ.OpenScap.Publishing;

/// <summary>
/// The lowest severity of a vulnerable CVE that makes an image <c>non_compliant</c>
/// (<c>Bridge:Compliance:MinCveSeverity</c>). <see cref="Any"/> counts every vulnerable CVE, those of a feed that
/// carries no severity (Debian's) included.
/// </summary>
public enum ComplianceCveSeverity
{
    High,
    Medium,
    Low,
    Info,
    Any,
}
