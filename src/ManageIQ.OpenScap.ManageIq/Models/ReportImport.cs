namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>The answer to one report <c>import</c>: ManageIQ's message and the report as stored (or kept).</summary>
public sealed record ReportImport(bool Success, string? Message, Report? Report);
