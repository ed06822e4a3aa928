using ManageIQ.OpenScap.Analysis.Composing;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.State.Outbox;

namespace ManageIQ.OpenScap.Analysis;

/// <summary>What analysing one image did: the image read, the scan's report, the result recorded and its delivery.</summary>
public sealed record ImageAnalysis(long ImageId, AnalysisStatus Status)
{
    /// <summary>Why nothing was scanned or posted, for people; null when it was posted.</summary>
    public string? Message { get; init; }

    public ContainerImage? Image { get; init; }

    public string? ScanId { get; init; }

    public ScanReport? Report { get; init; }

    public ComposedResult? Result { get; init; }

    public DeliveryOutcome? Delivery { get; init; }

    /// <summary>The scan's own directory: ARF, oscap HTML, compact report.</summary>
    public string? ResultsDirectory { get; init; }

    /// <summary>True when a result was recorded and waits in the outbox for a later delivery.</summary>
    public bool KeptInOutbox => Delivery is { Status: DeliveryStatus.Unreachable or DeliveryStatus.Rejected };
}
