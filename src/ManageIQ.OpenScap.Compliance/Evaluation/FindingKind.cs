namespace ManageIQ.OpenScap.Compliance.Evaluation;

/// <summary>What a waiver names: a failed XCCDF rule or a vulnerable CVE.</summary>
public enum FindingKind
{
    Rule,
    Cve,
}
