using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Kubernetes.Configuration;
using ManageIQ.OpenScap.Kubernetes.Connections;
using ManageIQ.OpenScap.Kubernetes.Pods;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>The <c>kubernetes</c> backend: a thin adapter that runs the job in a scanning pod and turns every failure into a report.</summary>
internal sealed class KubernetesScanBackend(IScanPodOrchestrator orchestrator, IOptions<KubernetesScanningOptions> options, IOptions<ProviderRpmScanModeOptions> rpmScanModes) : IScanBackend
{
    public string Name => ScanBackendNames.Kubernetes;

    /// <summary>The inspector image: its content (SSG, oscap, the inspector's own version) is what the pod scans with.</summary>
    public string? ContentSource => options.Value.Pod.InspectorImage;

    public async Task<ScanReport> ScanAsync(ScanJob job, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (string.IsNullOrWhiteSpace(job.ProviderId))
        {
            return Finished(progress, job, ScanReport.Failure(ScanErrorKind.InvalidRequest, $"The kubernetes backend scans for a ManageIQ container provider, and the scan of {job.Image} names none."));
        }

        ReadOnlyMemory<byte>? tailoring = null;
        if (job.TailoringFile is not null)
        {
            try
            {
                tailoring = await ReadTailoringAsync(job.TailoringFile, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Finished(progress, job, ScanReport.Failure(ScanErrorKind.InvalidRequest, $"Bridge:ProviderOverrides:{job.ProviderId}:TailoringFile: {e.Message}"));
            }
        }

        var request = new ScanPodRequest(job.JobId, new ProviderRef(job.ProviderId, job.ProviderName ?? string.Empty), job.PullSpec, job.ExpectedIdentity, job.OutputDirectory)
        {
            Timeout = job.Timeout,
            Content = new ScanPodContent(job.CveUrl, job.DataStream, job.Profile, job.HtmlReport) { Proxy = job.Proxy, Tailoring = tailoring },
            RpmScanMode = rpmScanModes.Value.For(job.ProviderId),
            Progress = progress,
        };
        ScanReport report;
        try
        {
            report = ImageIdentityCheck.Apply((await orchestrator.RunScanAsync(request, cancellationToken).ConfigureAwait(false)).Report, job);
            if (report.Content is { } content)
            {
                report = report with { Content = content with { Inspector = ContentSource } };
            }
        }
        catch (ScanPodException e)
        {
            report = ScanReport.Failure(Kind(e.Failure), e.Message);
        }
        catch (UnknownProviderException e)
        {
            report = ScanReport.Failure(ScanErrorKind.BackendUnavailable, e.Message);
        }

        return Finished(progress, job, report);
    }

    /// <summary>
    /// The tailoring's bytes, for the pod's secret: the pod cannot read the bridge's disk. The inspector checks the
    /// content itself, as the local backend does; here only the size a Secret can carry is.
    /// </summary>
    /// <exception cref="IOException">The file is missing, unreadable or larger than <see cref="ScanPodSecret.MaxTailoringBytes"/>.</exception>
    private static async Task<ReadOnlyMemory<byte>> ReadTailoringAsync(string path, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        if (length > ScanPodSecret.MaxTailoringBytes)
        {
            throw new IOException($"{path} is {length} bytes; the scanning pod's secret carries at most {ScanPodSecret.MaxTailoringBytes}.");
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return bytes.Length > ScanPodSecret.MaxTailoringBytes
            ? throw new IOException($"{path} grew past {ScanPodSecret.MaxTailoringBytes} bytes while read.")
            : bytes;
    }

    /// <summary>The scanning pod's failures in the backends' terms.</summary>
    public static ScanErrorKind Kind(ScanPodFailure failure) => failure switch
    {
        ScanPodFailure.ApiError => ScanErrorKind.BackendUnavailable,
        ScanPodFailure.ImageAcquireFailed => ScanErrorKind.ImageAcquireFailed,
        ScanPodFailure.ImageMismatch => ScanErrorKind.ImageMismatch,
        ScanPodFailure.TimedOut or ScanPodFailure.DeadlineExceeded => ScanErrorKind.TimedOut,
        ScanPodFailure.InspectorError => ScanErrorKind.ScannerError,
        _ => ScanErrorKind.ScannerFailed,
    };

    private static ScanReport Finished(IProgress<ScanProgress>? progress, ScanJob job, ScanReport report)
    {
        progress?.Report(new ScanProgress(ScanStage.Finished, job.Image, Error: report.ErrorMessage));
        return report;
    }
}
