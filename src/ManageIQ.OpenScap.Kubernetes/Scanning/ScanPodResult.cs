using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>What a finished scanning pod served.</summary>
/// <param name="PodName">The pod that ran the scan (deleted by now, or queued for deletion).</param>
/// <param name="Metadata">The inspector's metadata document.</param>
/// <param name="Report">The inspector's report, with the summary it served and the artifacts' local paths.</param>
public sealed record ScanPodResult(string PodName, InspectorMetadata Metadata, ScanReport Report)
{
    /// <summary>The summary, or null when OpenSCAP reported an error.</summary>
    public ScapSummary? Summary => Report.Summary;

    /// <summary>The streamed ARF file, or null when OpenSCAP reported an error.</summary>
    public string? ArfPath => Report.Artifacts.Arf;

    /// <summary>The streamed HTML report, or null when not served.</summary>
    public string? HtmlReportPath => Report.Artifacts.Html;
}
