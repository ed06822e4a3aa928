namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>What the summary needs of a benchmark Rule: its title, description (plain text) and declared severity.</summary>
internal readonly record struct RuleInfo(string? Title, string? Description, ScapSeverity Severity);
