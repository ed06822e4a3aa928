namespace ManageIQ.OpenScap.Scap;

/// <summary>
/// The summary of one OpenSCAP result document, made in one streaming pass. For an OVAL results document each
/// definition result counts as a rule-result, mapped to XCCDF values the way OpenSCAP's OVAL engine does
/// (vulnerability/patch: true = fail; compliance/inventory: true = pass); <see cref="Oval"/> keeps the raw counts.
/// </summary>
public sealed record ScapSummary
{
    public required ScapResultKind Kind { get; init; }

    /// <summary>The name the input was read under (a path, or <c>-</c> for standard input).</summary>
    public string? Source { get; init; }

    public string? TestResultId { get; init; }

    public ScapBenchmarkInfo? Benchmark { get; init; }

    public ScapProfileInfo? Profile { get; init; }

    public string? Target { get; init; }

    public IReadOnlyList<ScapTargetFact> TargetFacts { get; init; } = [];

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public IReadOnlyList<ScapScore> Scores { get; init; } = [];

    /// <summary>The number of rule-result elements in the TestResult, notselected ones included.</summary>
    public int RuleResults { get; init; }

    /// <summary>XCCDF result value to count, for every value present.</summary>
    public IReadOnlyDictionary<string, int> Results { get; init; } = new Dictionary<string, int>();

    public ScapSeverityCounts FailedBySeverity { get; init; } = ScapSeverityCounts.Zero;

    public IReadOnlyList<ScapFailedRule> FailedRules { get; init; } = [];

    /// <summary>Distinct CVEs of failed results, each with the highest severity it failed with.</summary>
    public IReadOnlyList<ScapCve> Cves { get; init; } = [];

    /// <summary>Raw OVAL counts; set for <see cref="ScapResultKind.Oval"/> only.</summary>
    public ScapOvalSummary? Oval { get; init; }
}
