using System.Globalization;

namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>The one place progress is put into words: the bridge's terminal, the inspector's stderr and its metadata.</summary>
public static class ScanProgressText
{
    public static string Format(ScanProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var subject = progress.Subject;
        return progress.Stage switch
        {
            ScanStage.Queued => "Queued",
            ScanStage.Starting => "Starting " + (subject ?? "the scanner"),
            ScanStage.Resolving => "Resolving " + (subject ?? "the image"),
            ScanStage.Pulling when progress.Layer is { } layer =>
                $"Pulling layer {layer.Index}/{layer.Count} {Short(layer.Digest)}: {Megabytes(layer.BytesDone)} of {Megabytes(layer.BytesTotal)} MB".Replace("  ", " ", StringComparison.Ordinal),
            ScanStage.Unpacking when progress.Layer is { Index: > 0 } layer => $"Unpacking layer {layer.Index}/{layer.Count}",
            ScanStage.Unpacking => "Root filesystem complete",
            ScanStage.PreparingContent => "Choosing SCAP content for " + (subject ?? "an image without os-release"),
            ScanStage.Scanning => "Evaluating " + subject,
            ScanStage.Reporting => "Rendering the HTML report",
            ScanStage.Collecting => "Collecting the results" + (subject is null ? string.Empty : " from " + subject),
            ScanStage.Finished => progress.Error ?? $"Scan of {subject} completed",
            _ => progress.Stage.ToString(),
        };
    }

    private static string Short(string? digest) => digest is null ? string.Empty : digest.Length > 19 ? digest[..19] : digest;

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
