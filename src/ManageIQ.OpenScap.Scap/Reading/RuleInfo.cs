namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>What the summary needs of a benchmark Rule: its title and its declared severity.</summary>
internal readonly record struct RuleInfo(string? Title, ScapSeverity Severity);
