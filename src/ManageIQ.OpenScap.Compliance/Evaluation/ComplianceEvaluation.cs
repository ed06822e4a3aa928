using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Compliance.Evaluation;

/// <summary>
/// The evaluator's decision on one scan: the status, why, the findings that still count (<see cref="Counted"/>,
/// null for a failed scan) and those waived.
/// </summary>
public sealed record ComplianceEvaluation(OpenScapStatus Status, IReadOnlyList<string> Reasons, ScapSummary? Counted, IReadOnlyList<WaivedFinding> Waived);
