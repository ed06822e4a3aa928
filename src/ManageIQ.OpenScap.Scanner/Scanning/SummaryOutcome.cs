using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>The summary of a scan's ARF, or why there is none.</summary>
/// <param name="Summary">The summary, when the ARF could be read.</param>
/// <param name="Path">Where its JSON was written.</param>
/// <param name="Problem">Why there is no summary.</param>
/// <param name="Elapsed">Reading and writing time.</param>
/// <param name="ReadyAt">Time since the scan started when it was written.</param>
internal sealed record SummaryOutcome(ScapSummary? Summary, string? Path, string? Problem, TimeSpan Elapsed, TimeSpan ReadyAt);
