namespace ManageIQ.OpenScap.State.Results;

/// <summary>
/// A recorded result as the store holds it: <see cref="Seq"/> is its place in the history, never reused. Only
/// an image's latest result keeps its attributes; older ones in the history have none.
/// </summary>
public sealed record StoredResult(long Seq, ScanResultRecord Record, DateTimeOffset RecordedOn)
{
    /// <summary>When ManageIQ answered 200 to its posting; null while it has not.</summary>
    public DateTimeOffset? PostedOn { get; init; }

    public long ImageId => Record.ImageId;
}
