namespace ManageIQ.OpenScap.Publishing;

/// <summary>
/// The thresholds that turn a completed scan into <c>compliant</c> or <c>non_compliant</c> (section
/// <c>Bridge:Compliance</c>; per provider <c>Bridge:ProviderOverrides:&lt;id&gt;:Compliance</c>, whose unset keys keep
/// these). An image is non-compliant when more failed rules of at least <see cref="MinRuleSeverity"/> than
/// <see cref="MaxFailedRules"/> remain after waivers, or (with <see cref="CountCves"/>) more vulnerable CVEs of at
/// least <see cref="MinCveSeverity"/> than <see cref="MaxVulnerableCves"/>. The defaults: any high-severity failed
/// rule or any high-severity vulnerable CVE.
/// </summary>
public sealed class ComplianceOptions
{
    public const string SectionName = "Bridge:Compliance";

    /// <summary>The key under <c>Bridge:ProviderOverrides:&lt;id&gt;</c> that holds a provider's thresholds.</summary>
    public const string OverrideKey = "Compliance";

    /// <summary>A failed rule of at least this severity counts. Default <c>high</c>.</summary>
    public ComplianceSeverityFloor MinRuleSeverity { get; set; } = ComplianceSeverityFloor.High;

    /// <summary>How many counted failed rules are tolerated. Default 0: one makes the image non-compliant.</summary>
    public int MaxFailedRules { get; set; }

    /// <summary>Whether vulnerable CVEs count at all. Default true.</summary>
    public bool CountCves { get; set; } = true;

    /// <summary>
    /// A vulnerable CVE of at least this severity counts. Default <c>high</c>. Debian's feed has no severities: its
    /// CVEs fail SSG's <c>security_patches_up_to_date</c> at that rule's <c>medium</c>, so <c>medium</c> or <c>any</c>
    /// makes them count.
    /// </summary>
    public ComplianceSeverityFloor MinCveSeverity { get; set; } = ComplianceSeverityFloor.High;

    /// <summary>How many counted vulnerable CVEs are tolerated. Default 0.</summary>
    public int MaxVulnerableCves { get; set; }

    /// <summary>A copy, to bind a provider's overrides onto.</summary>
    public ComplianceOptions Copy() => (ComplianceOptions)MemberwiseClone();
}
