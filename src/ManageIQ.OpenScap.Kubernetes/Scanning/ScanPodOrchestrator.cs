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
/// limit, fast failure on pods that cannot succeed, credentials in a per-pod secret, and a delete of pod and secret
/// in every path (a failed pod delete is retried by the sweep, within <c>Kubernetes:MaxDeleteAttempts</c> for refusals).
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

        using var limit = new CancellationTokenSource(timeout, time);
        using var scan = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);

        // Nothing between the registration and the try below may throw, or the registration would leak.
        activeScans.Register(new ActiveScan(request.JobId, cluster.Name, podName, deadline));
        V1Pod? created = null;
        V1Secret? secret = null;
        var secretSent = false;
        var podSent = false;
        var clock = Stopwatch.StartNew();
        try
        {
            var secrets = await pullSecrets.GetAsync(cluster, scan.Token);
            var authToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            var spec = new ScanPodSpec(podName, cluster.Namespace, request.JobId, request.Image, request.ImageId, timeout, deadline, secrets, authToken) { Content = request.Content, RpmScanMode = request.RpmScanMode };

            // The secret first: the pod's environment refers to it and the kubelet would not start the pod without it.
            secretSent = true;
            secret = await CreateAsync(cluster, "the secret of scanning pod", podName, () => cluster.Client.CoreV1.CreateNamespacedSecretAsync(ScanPodSecret.Build(spec, settings.Pod, settings.OwnerId), cluster.Namespace, cancellationToken: scan.Token));
            podSent = true;
            created = await CreateAsync(cluster, "scanning pod", podName, () => cluster.Client.CoreV1.CreateNamespacedPodAsync(ScanPodBuilder.Build(spec, settings.Pod, settings.OwnerId), cluster.Namespace, cancellationToken: scan.Token));
            Log.PodCreated(logger, cluster.Name, cluster.Namespace, podName, request.JobId);
            request.Progress?.Report(new ScanProgress(ScanStage.Starting, $"scanning pod {cluster.Namespace}/{podName}"));
            await OwnSecretAsync(cluster, created, scan.Token);
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
        catch (KubernetesCallTimeoutException ex)
        {
            throw new ScanPodException(ScanPodFailure.ApiError, $"Scan of {request.Image} in pod {cluster.Namespace}/{podName}: {ex.Message}", ex) { PodName = podName };
        }
        finally
        {
            // Without the create's answer (cancelled, cut, 5xx) the object may still exist: the name is unique to
            // this attempt, so deleting it by name (no uid precondition) can only hit this scan's own pod or secret.
            if (podSent)
            {
                await CleanUpAsync(cluster, podName, created?.Metadata.Uid, request.JobId);
            }

            if (secretSent)
            {
                await CleanUpSecretAsync(cluster, podName, secret?.Metadata.Uid, request.JobId);
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
        if (request.Timeout is { } t && (t <= TimeSpan.Zero || t > ScanPodOptions.MaxScanTimeout))
        {
            throw new ArgumentOutOfRangeException(nameof(request), $"The scan time limit {t} must be positive and at most {ScanPodOptions.MaxScanTimeout}.");
        }
    }

    private static async Task<T> CreateAsync<T>(ClusterConnection cluster, string what, string name, Func<Task<T>> create)
    {
        try
        {
            return await create();
        }
        catch (HttpOperationException ex)
        {
            var status = ex.Response?.StatusCode;
            var hint = status == HttpStatusCode.Forbidden ? " (check the bridge's RBAC and the namespace's pod security admission)" : "";
            throw new ScanPodException(
                ScanPodFailure.ApiError,
                $"Creating {what} {cluster.Namespace}/{name} on cluster '{cluster.Name}' failed with {(int?)status} {status}{hint}.",
                ex) { PodName = name };
        }
    }

    /// <summary>
    /// Makes the pod the owner of its secret, so the garbage collector removes the secret with the pod even if this
    /// process dies. Best effort: the secret is deleted explicitly on every path and by the orphan sweep anyway.
    /// </summary>
    private async Task OwnSecretAsync(ClusterConnection cluster, V1Pod pod, CancellationToken cancellationToken)
    {
        try
        {
            await cluster.Client.CoreV1.PatchNamespacedSecretAsync(ScanPodSecret.OwnedBy(pod), pod.Metadata.Name, cluster.Namespace, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is HttpOperationException or HttpRequestException or IOException or TimeoutException)
        {
            Log.SecretOwnerNotSet(logger, cluster.Name, pod.Metadata.Name, ex);
        }
    }

    private async Task<ScanPodResult> CollectAsync(ClusterConnection cluster, string podName, string authToken, ScanPodRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
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
        await InspectorProxyClient.DownloadAsync(cluster, podName, InspectorPaths.Arf, arf, authToken, new DownloadLimit(settings.MaxArfBytes, "Kubernetes:MaxArfBytes"), cancellationToken);
        string? html = null;
        if (request.Content.HtmlReport)
        {
            html = Path.Combine(request.OutputDirectory, InspectorArtifacts.Html);
            try
            {
                await InspectorProxyClient.DownloadAsync(cluster, podName, InspectorPaths.HtmlReport, html, authToken, new DownloadLimit(settings.MaxHtmlReportBytes, "Kubernetes:MaxHtmlReportBytes"), cancellationToken);
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
    private Task CleanUpAsync(ClusterConnection cluster, string podName, string? uid, string jobId) => BoundedCleanUpAsync(
        token => ScanPodDeleter.DeleteAsync(cluster, podName, uid, token),
        outcome => Log.PodDeleted(logger, podName, jobId, outcome),
        ex => pendingDeletions.Failed(new PendingPodDeletion(cluster.Name, podName, uid, jobId), ex));

    /// <summary>Deletes the pod's secret on every path; one left behind is found by its label and removed by the sweep.</summary>
    private Task CleanUpSecretAsync(ClusterConnection cluster, string podName, string? uid, string jobId) => BoundedCleanUpAsync(
        token => ScanPodDeleter.DeleteSecretAsync(cluster, podName, uid, token),
        outcome => Log.SecretDeleted(logger, podName, jobId, outcome),
        ex => Log.SecretDeleteFailed(logger, cluster.Name, podName, jobId, ex));

    /// <summary>One clean-up delete within <c>Kubernetes:CleanupTimeout</c>, independent of the scan's own cancellation.</summary>
    private async Task BoundedCleanUpAsync(Func<CancellationToken, Task<PodDeleteOutcome>> delete, Action<PodDeleteOutcome> deleted, Action<Exception> failed)
    {
        using var bounded = new CancellationTokenSource(options.Value.CleanupTimeout, time);
        try
        {
            deleted(await delete(bounded.Token));
        }
        catch (Exception ex) when (IsCleanUpFailure(ex))
        {
            failed(ex);
        }
    }

    private static bool IsCleanUpFailure(Exception ex) =>
        ex is HttpOperationException or HttpRequestException or IOException or OperationCanceledException or TimeoutException;
}
