using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>What a finished scanning pod served.</summary>
/// <param name="PodName">The pod that ran the scan (deleted by now, or queued for deletion).</param>
/// <param name="Metadata">The inspector's <c>/api/v1/metadata</c>.</param>
/// <param name="Summary">The inspector's <c>/api/v1/summary</c> (<see cref="ScapSummaryJson"/>), or null when OpenSCAP reported an error.</param>
/// <param name="ArfPath">The streamed <c>/api/v1/openscap</c> ARF file, or null when OpenSCAP reported an error.</param>
/// <param name="HtmlReportPath">The streamed <c>/api/v1/openscap-report</c> HTML file, or null when not served.</param>
public sealed record ScanPodResult(
    string PodName,
    InspectorMetadata Metadata,
    ScapSummary? Summary,
    string? ArfPath,
    string? HtmlReportPath);
