namespace ManageIQ.OpenScap.Publishing;

/// <summary>How a completed scan becomes <c>compliant</c> or <c>non_compliant</c> (section <c>Bridge:Compliance</c>).</summary>
public sealed class ComplianceOptions
{
    public const string SectionName = "Bridge:Compliance";

    /// <summary>
    /// A vulnerable CVE of at least this severity makes the image non-compliant. Default <c>high</c>. Debian's feed
    /// has no severities: its CVEs fail SSG's <c>security_patches_up_to_date</c> at that rule's <c>medium</c>, so
    /// <c>medium</c> or <c>any</c> makes them count.
    /// </summary>
    public ComplianceCveSeverity MinCveSeverity { get; set; } = ComplianceCveSeverity.High;
}
