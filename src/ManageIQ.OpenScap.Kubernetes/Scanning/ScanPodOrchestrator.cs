using System.Diagnostics;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Kubernetes.Cleanup;
using ManageIQ.OpenScap.Kubernetes.Configuration;
using ManageIQ.OpenScap.Kubernetes.Connections;
using ManageIQ.OpenScap.Kubernetes.Pods;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>
/// ManageIQ's scanning job (pod_create, pod_wait, analyze, delete_pod) without its leaks: a watched pod, a time
/// limit, fast failure on pods that cannot succeed, and a delete in every path that is retried until it succeeds.
/// </summary>
internal sealed class ScanPodOrchestrator(
    IClusterConnections clusters,
    PullSecretResolver pullSecrets,
    ActiveScanRegistry activeScans,
    PendingPodDeletions pendingDeletions,
    IOptions<KubernetesScanningOptions> options,
    TimeProvider time,
    ILogger<ScanPodOrchestrator> logger) : IScanPodOrchestrator
{
    private readonly PodReadinessWatcher watcher = new(time, logger);

    public async Task<ScanPodResult> RunScanAsync(ScanPodRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var cluster = clusters.Resolve(request.Provider);
        var settings = options.Value;
        var timeout = request.Timeout ?? settings.Pod.ScanTimeout;
        var deadline = time.GetUtcNow() + timeout;
        var podName = ScanPodName.For(request.JobId, Guid.NewGuid().ToString("N"));
        using var scope = logger.BeginScope(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["JobId"] = request.JobId, ["Cluster"] = cluster.Name, ["Pod"] = podName, ["Image"] = request.Image,
        });

        activeScans.Register(new ActiveScan(request.JobId, cluster.Name, podName, deadline));
        using var limit = new CancellationTokenSource(timeout, time);
        using var scan = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        V1Pod? created = null;
        var createSent = false;
        var clock = Stopwatch.StartNew();
        try
        {
            var secrets = await pullSecrets.GetAsync(cluster, scan.Token);
            var authToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            var spec = new ScanPodSpec(podName, cluster.Namespace, request.JobId, request.Image, request.ImageId, timeout, deadline, secrets, authToken) { Content = request.Content };
            createSent = true;
            created = await CreateAsync(cluster, ScanPodBuilder.Build(spec, settings.Pod, settings.OwnerId), scan.Token);
            Log.PodCreated(logger, cluster.Name, cluster.Namespace, podName, request.JobId);
            request.Progress?.Report(new ScanProgress(ScanStage.Starting, $"scanning pod {cluster.Namespace}/{podName}"));
            await watcher.WaitUntilReadyAsync(cluster, created, settings.Pod.UnschedulableLimit, scan.Token);
            var ready = clock.Elapsed;
            request.Progress?.Report(new ScanProgress(ScanStage.Collecting, $"scanning pod {cluster.Namespace}/{podName}"));
            var result = await CollectAsync(cluster, podName, authToken, request, scan.Token);
            Log.ScanCollected(logger, podName, request.JobId, result.Metadata.OpenSCAP.Status);
            var timings = result.Report.Timings with { Pod = ready, Collect = clock.Elapsed - ready, Total = clock.Elapsed };
            return result with { Report = result.Report with { Timings = timings } };
        }
        catch (OperationCanceledException ex) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ScanPodException(ScanPodFailure.TimedOut, $"Scan of {request.Image} in pod {cluster.Namespace}/{podName} passed its time limit of {timeout}.", ex) { PodName = podName };
        }
        catch (ScanPodException ex)
        {
            Log.ScanFailed(logger, podName, request.JobId, ex.Failure, ex.Message);
            throw;
        }
        catch (HttpOperationException ex)
        {
            var status = ex.Response?.StatusCode;
            throw new ScanPodException(ScanPodFailure.ApiError, $"The Kubernetes API of cluster '{cluster.Name}' refused a call for pod {cluster.Namespace}/{podName} with {(int?)status} {status}.", ex) { PodName = podName };
        }
        catch (HttpRequestException ex)
        {
            throw new ScanPodException(ScanPodFailure.ApiError, $"The Kubernetes API of cluster '{cluster.Name}' could not be reached: {ex.Message}", ex) { PodName = podName };
        }
        finally
        {
            if (createSent)
            {
                // Without the create's answer (cancelled, cut, 5xx) the pod may still exist: the name is unique to
                // this attempt, so deleting it by name (no uid precondition) can only hit this scan's own pod.
                await CleanUpAsync(cluster, podName, created?.Metadata.Uid, request.JobId);
            }

            activeScans.Unregister(request.JobId);
        }
    }

    private static void Validate(ScanPodRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.JobId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Image);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.OutputDirectory);
        ArgumentNullException.ThrowIfNull(request.Provider);
        if (request.Timeout is { } t && t <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "The scan time limit must be positive.");
        }
    }

    private static async Task<V1Pod> CreateAsync(ClusterConnection cluster, V1Pod pod, CancellationToken cancellationToken)
    {
        try
        {
            return await cluster.Client.CoreV1.CreateNamespacedPodAsync(pod, cluster.Namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException ex)
        {
            var status = ex.Response?.StatusCode;
            var hint = status == HttpStatusCode.Forbidden ? " (check the bridge's RBAC and the namespace's pod security admission)" : "";
            throw new ScanPodException(
                ScanPodFailure.ApiError,
                $"Creating scanning pod {cluster.Namespace}/{pod.Metadata.Name} on cluster '{cluster.Name}' failed with {(int?)status} {status}{hint}.",
                ex) { PodName = pod.Metadata.Name };
        }
    }

    private static async Task<ScanPodResult> CollectAsync(ClusterConnection cluster, string podName, string authToken, ScanPodRequest request, CancellationToken cancellationToken)
    {
        var metadata = await InspectorProxyClient.GetMetadataAsync(cluster, podName, authToken, cancellationToken);
        if (!string.IsNullOrEmpty(metadata.ImageAcquireError))
        {
            throw new ScanPodException(ScanPodFailure.ImageAcquireFailed, $"The inspector could not get image {request.Image}: {metadata.ImageAcquireError}") { PodName = podName };
        }

        var report = MetadataMapping.ToReport(metadata);
        var seen = report.Image ?? new ImageIdentity { Reference = metadata.Image, ImageId = metadata.Id, RepoDigests = metadata.RepoDigests };
        if (request.ImageId is { } expected && !seen.Matches(expected))
        {
            throw new ScanPodException(ScanPodFailure.ImageMismatch, $"Cannot analyze image {request.Image} with id {expected}: the inspector saw {seen}.") { PodName = podName };
        }

        var status = metadata.OpenSCAP.Status;
        if (status == OpenScapStatus.Error)
        {
            // As ManageIQ: the scan ends with a warning and the inspector's message, there is no ARF to fetch.
            return new ScanPodResult(podName, metadata, report with { Artifacts = ScanArtifactPaths.None });
        }

        if (status != OpenScapStatus.Success)
        {
            throw new ScanPodException(ScanPodFailure.InspectorError, $"The inspector in pod {podName} was ready with OpenSCAP status '{status}'.") { PodName = podName };
        }

        Directory.CreateDirectory(request.OutputDirectory);
        var arf = Path.Combine(request.OutputDirectory, InspectorArtifacts.Arf);
        await InspectorProxyClient.DownloadAsync(cluster, podName, InspectorPaths.Arf, arf, authToken, cancellationToken);
        string? html = null;
        if (request.Content.HtmlReport)
        {
            html = Path.Combine(request.OutputDirectory, InspectorArtifacts.Html);
            try
            {
                await InspectorProxyClient.DownloadAsync(cluster, podName, InspectorPaths.HtmlReport, html, authToken, cancellationToken);
            }
            catch (ScanPodException ex) when (InspectorProxyClient.IsNotFound(ex))
            {
                html = null;
            }
        }

        var summaryPath = Path.Combine(request.OutputDirectory, InspectorArtifacts.Summary);
        var summary = await InspectorProxyClient.GetSummaryAsync(cluster, podName, summaryPath, authToken, cancellationToken);
        // The CVE feed's separate OVAL results stay in the pod: the summary has their CVEs merged already.
        var artifacts = new ScanArtifactPaths { Arf = arf, Html = html, Summary = summaryPath };
        return new ScanPodResult(podName, metadata, report with { Summary = summary, Artifacts = artifacts });
    }

    /// <summary>Deletes the pod on every path; a failed delete goes to the pending list that each sweep retries.</summary>
    private async Task CleanUpAsync(ClusterConnection cluster, string podName, string? uid, string jobId)
    {
        using var bounded = new CancellationTokenSource(options.Value.CleanupTimeout, time);
        try
        {
            var outcome = await ScanPodDeleter.DeleteAsync(cluster, podName, uid, bounded.Token);
            Log.PodDeleted(logger, podName, jobId, outcome);
        }
        catch (Exception ex) when (ex is HttpOperationException or HttpRequestException or IOException or OperationCanceledException)
        {
            pendingDeletions.Add(new PendingPodDeletion(cluster.Name, podName, uid, jobId));
            Log.DeleteFailed(logger, cluster.Name, podName, jobId, ex);
        }
    }
}
