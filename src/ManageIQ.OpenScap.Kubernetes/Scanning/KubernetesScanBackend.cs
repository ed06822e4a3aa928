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

        if (job.TailoringFile is not null)
        {
            // The pod evaluates inside its own image: a file on the bridge's disk does not reach it.
            return Finished(progress, job, ScanReport.Failure(ScanErrorKind.InvalidRequest, $"Provider {job.ProviderId} has a TailoringFile ({job.TailoringFile}); tailoring applies to the local backend only, so set Bridge:ProviderOverrides:{job.ProviderId}:Backend to local or remove the file."));
        }

        var request = new ScanPodRequest(job.JobId, new ProviderRef(job.ProviderId, job.ProviderName ?? string.Empty), job.PullSpec, job.ExpectedIdentity, job.OutputDirectory)
        {
            Timeout = job.Timeout,
            Content = new ScanPodContent(job.CveUrl, job.DataStream, job.Profile, job.HtmlReport) { Proxy = job.Proxy },
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
