using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Contracts.Inspector;

/// <summary>Where the scan is; image-inspector had no such thing (it did not listen until done).</summary>
public sealed record ProgressMetadata
{
    public required ScanStage Stage { get; init; }

    public required string Message { get; init; }

    public string? Subject { get; init; }

    public LayerProgress? Layer { get; init; }

    public DateTimeOffset Updated { get; init; }

    public static ProgressMetadata From(ScanProgress progress, DateTimeOffset updated)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new() { Stage = progress.Stage, Message = progress.Message, Subject = progress.Subject, Layer = progress.Layer, Updated = updated };
    }

    public ScanProgress ToProgress() => new(Stage, Subject, Layer);
}
