namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>Pulls and unpacks an image, evaluates it with oscap, and writes ARF, HTML and summary.</summary>
public interface IImageScanner
{
    /// <summary>Runs one scan. Failures are reported in the result, not thrown; only cancellation throws.</summary>
    Task<ImageScanResult> ScanAsync(ImageScanRequest request, IProgress<ScanProgress>? progress, CancellationToken cancellationToken);
}
