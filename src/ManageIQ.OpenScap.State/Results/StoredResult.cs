using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.State.Results;

/// <summary>A recorded result as the store holds it; <see cref="Seq"/> is its place in the history, never reused.</summary>
public sealed record StoredResult
{
    public required long Seq { get; init; }

    public required long ImageId { get; init; }

    public string? Digest { get; init; }

    public required string ScanId { get; init; }

    public required DateTimeOffset ScannedOn { get; init; }

    public required string Status { get; init; }

    public required string ContentFingerprint { get; init; }

    public required IReadOnlyList<CustomAttributeInput> Attributes { get; init; }

    public required IReadOnlyDictionary<string, string> Artifacts { get; init; }

    public required DateTimeOffset RecordedOn { get; init; }

    /// <summary>When ManageIQ answered 200 to its posting; null while it has not.</summary>
    public DateTimeOffset? PostedOn { get; init; }
}
