namespace ManageIQ.OpenScap.Analysis.Composing;

/// <summary>The bridge's own files in a scan's results directory, beside the scanner's, and their kinds in the store.</summary>
public static class AnalysisArtifacts
{
    /// <summary>The compact report, as posted in <c>openscap_report_html</c> (decoded).</summary>
    public const string CompactReport = "report-compact.html";

    public const string ArfKind = "arf";
    public const string HtmlKind = "html";
    public const string SummaryKind = "summary";
    public const string CveOvalResultsKind = "cve-oval-results";
    public const string CompactReportKind = "compact";
}
