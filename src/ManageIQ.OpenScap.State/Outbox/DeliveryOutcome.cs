namespace ManageIQ.OpenScap.State.Outbox;

/// <summary>
/// One delivery: its status, the result it was for (null when nothing waited), the ManageIQ requests it made
/// beyond authentication, what it wrote, and the error text when it failed.
/// </summary>
public sealed record DeliveryOutcome(long ImageId, DeliveryStatus Status)
{
    public long? Seq { get; init; }

    public int Requests { get; init; }

    public int Upserted { get; init; }

    public int Deleted { get; init; }

    /// <summary>Result attributes not written because the name is held in a section ManageIQ's refresh owns.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    public string? Error { get; init; }

    /// <summary>For a failure, when the entry is due again.</summary>
    public DateTimeOffset? NextAttemptOn { get; init; }
}
