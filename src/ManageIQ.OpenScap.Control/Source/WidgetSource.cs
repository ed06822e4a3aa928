namespace ManageIQ.OpenScap.Control.Source;

/// <summary>One widget of <c>policies/widgets</c>: its description (unique in ManageIQ) and the name of the report it shows.</summary>
public sealed record WidgetSource(string Description, string ReportName, string File);
