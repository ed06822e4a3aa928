namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>What the summary needs of a benchmark Rule: its texts (plain) and declared severity.</summary>
internal readonly record struct RuleInfo(string? Title, string? Description, string? Rationale, string? FixText, ScapSeverity Severity);
