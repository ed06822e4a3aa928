using ManageIQ.OpenScap.Compliance.Evaluation;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.State.Results;

namespace ManageIQ.OpenScap.Analysis.Composing;

/// <summary>A scan turned into what is recorded and posted: its verdict, its attributes and where its compact report is.</summary>
public sealed record ComposedResult(PublishedScan Published, OpenScapStatus Status, ScanResultRecord Record)
{
    /// <summary>The compact report written beside the ARF; null for a scan without results.</summary>
    public string? CompactReportPath { get; init; }

    /// <summary>How many failed results the compact report left out to stay within its size.</summary>
    public int ReportOmitted { get; init; }

    /// <summary>The evaluator's decision: reasons, counted findings, waived ones.</summary>
    public ComplianceEvaluation? Evaluation { get; init; }
}
