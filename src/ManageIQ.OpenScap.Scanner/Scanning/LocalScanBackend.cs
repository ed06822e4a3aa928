using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>The <c>local</c> backend: the scanner in this process, in a work directory of its own removed afterwards.</summary>
internal sealed class LocalScanBackend(IImageScanner scanner, ScanRequestFactory requests) : IScanBackend
{
    public const string LocalProxyNote = "The provider's image-inspector proxies apply to scanning pods; the local backend pulled through the bridge's own proxy settings (HTTP_PROXY, HTTPS_PROXY, NO_PROXY).";

    public string Name => ScanBackendNames.Local;

    public async Task<ScanReport> ScanAsync(ScanJob job, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ImageSource source;
        try
        {
            source = ImageSource.Parse(job.PullSpec);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return ScanReport.Failure(ScanErrorKind.InvalidRequest, e.Message);
        }

        var work = Directory.CreateTempSubdirectory("miq-scan-").FullName;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (job.Timeout is { } timeout)
        {
            limit.CancelAfter(timeout);
        }

        try
        {
            var request = requests.Create(new ScanSettings
            {
                Image = source,
                WorkDirectory = work,
                ResultsDirectory = Path.GetFullPath(job.OutputDirectory),
                HtmlReport = job.HtmlReport,
                ContentOverride = new ScapContentOverride(job.DataStream, job.Profile, job.CveUrl, job.TailoringFile),
            });
            var report = await scanner.ScanAsync(request, progress, limit.Token).ConfigureAwait(false);
            if (job.Proxy is { IsEmpty: false })
            {
                // This process has one set of proxies (HTTP_PROXY, HTTPS_PROXY, NO_PROXY); a provider's own apply to its scanning pods.
                report = report with { Notes = [.. report.Notes, LocalProxyNote] };
            }

            return ImageIdentityCheck.Apply(report, job);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ScanReport.Failure(ScanErrorKind.TimedOut, $"The scan of {job.Image} passed its time limit of {job.Timeout}.");
        }
        finally
        {
            WorkDirectories.TryDelete(work);
        }
    }
}
