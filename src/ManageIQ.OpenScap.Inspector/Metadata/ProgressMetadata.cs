namespace ManageIQ.OpenScap.Inspector.Metadata;

/// <summary>Where the scan is; image-inspector had no such thing (it did not listen until done).</summary>
public sealed record ProgressMetadata
{
    public required string Stage { get; init; }

    public required string Message { get; init; }

    public int? LayerIndex { get; init; }

    public int? LayerCount { get; init; }

    public long? BytesDone { get; init; }

    public long? BytesTotal { get; init; }

    public DateTimeOffset Updated { get; init; }
}
