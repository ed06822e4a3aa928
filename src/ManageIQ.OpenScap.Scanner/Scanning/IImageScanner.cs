using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>Pulls and unpacks an image, evaluates it with oscap, and writes ARF, HTML and summary.</summary>
public interface IImageScanner
{
    /// <summary>Runs one scan. Failures are reported in the report, not thrown; only cancellation throws.</summary>
    Task<ScanReport> ScanAsync(ImageScanRequest request, IProgress<ScanProgress>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Renders the HTML report from an ARF. Rendering takes longer than the evaluation itself (7 s against
    /// 4 s for SSG Debian 12 standard), so a server can do it after announcing the results; a scan with
    /// <see cref="ImageScanRequest.HtmlReport"/> does it before returning. Failures are reported, not thrown.
    /// </summary>
    Task<HtmlReportOutcome> RenderHtmlReportAsync(string arfPath, string resultsDirectory, CancellationToken cancellationToken);
}
