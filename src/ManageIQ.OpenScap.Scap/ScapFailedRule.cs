namespace ManageIQ.OpenScap.Scap;

/// <summary>
/// One failed rule-result. Multi-check rules (SSG's <c>security_patches_up_to_date</c> with a CVE feed) give
/// one entry per failed OVAL definition: <see cref="Check"/> is the definition id and <see cref="CheckTitle"/>
/// its title, and the CVEs come from that definition.
/// </summary>
public sealed record ScapFailedRule
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    /// <summary>
    /// The Rule's description from the benchmark, as plain text: XHTML markup dropped, white space collapsed, line
    /// breaks where the markup had <c>br</c>, paragraphs, list items or <c>pre</c>.
    /// </summary>
    public string? Description { get; init; }

    /// <summary>The Rule's rationale from the benchmark, as plain text (<see cref="Description"/> explains the form).</summary>
    public string? Rationale { get; init; }

    /// <summary>
    /// The Rule's first <c>fixtext</c>: the benchmark's instructions for a person, as plain text. Remediation
    /// scripts (<c>fix</c>) are never read. SSG's Debian and Ubuntu content has none.
    /// </summary>
    public string? FixText { get; init; }

    public ScapSeverity Severity { get; init; }

    public double? Weight { get; init; }

    public IReadOnlyList<string> Cves { get; init; } = [];

    public IReadOnlyList<ScapIdent> Idents { get; init; } = [];

    /// <summary>The check-content-ref name (an OVAL definition id) when the rule-result carries one.</summary>
    public string? Check { get; init; }

    /// <summary>The title of the OVAL definition named by <see cref="Check"/>, when the document holds it.</summary>
    public string? CheckTitle { get; init; }
}
