namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>The HTML report: its path, or why there is none.</summary>
/// <param name="Path">The report, when rendered.</param>
/// <param name="Problem">Why it was skipped or failed.</param>
/// <param name="Elapsed">Rendering time.</param>
public sealed record HtmlReportOutcome(string? Path, string? Problem, TimeSpan Elapsed);
