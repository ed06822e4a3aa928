namespace ManageIQ.OpenScap.State.Queue;

/// <summary>A scan of the persisted queue with the time it reached each state (null until it did).</summary>
public sealed record QueuedScan
{
    public required long Id { get; init; }

    public required long ImageId { get; init; }

    public required long ProviderId { get; init; }

    public string? Digest { get; init; }

    public required ScanPriority Priority { get; init; }

    public required ScanState State { get; init; }

    /// <summary>Why it failed or was dropped.</summary>
    public string? Reason { get; init; }

    /// <summary>How many times it was taken from the queue (more than 1 after a stop cut it off).</summary>
    public required int Attempts { get; init; }

    public required DateTimeOffset QueuedOn { get; init; }

    public DateTimeOffset? PullingOn { get; init; }

    public DateTimeOffset? EvaluatingOn { get; init; }

    public DateTimeOffset? PublishingOn { get; init; }

    public DateTimeOffset? FinishedOn { get; init; }

    public bool InFlight => State is ScanState.Pulling or ScanState.Evaluating or ScanState.Publishing;
}
