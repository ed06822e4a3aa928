namespace ManageIQ.OpenScap.State.Results;

/// <summary>An image's result waiting to be posted, with its delivery attempts so far.</summary>
public sealed record OutboxEntry
{
    public required StoredResult Result { get; init; }

    public required DateTimeOffset EnqueuedOn { get; init; }

    /// <summary>Failed deliveries so far (0 until the first fails).</summary>
    public required int Attempts { get; init; }

    public required DateTimeOffset NextAttemptOn { get; init; }

    public string? LastError { get; init; }

    public long ImageId => Result.ImageId;

    public long Seq => Result.Seq;
}
