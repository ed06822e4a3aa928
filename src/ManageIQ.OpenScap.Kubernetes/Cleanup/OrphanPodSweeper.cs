using k8s;
using k8s.Models;
using ManageIQ.OpenScap.Kubernetes.Configuration;
using ManageIQ.OpenScap.Kubernetes.Connections;
using ManageIQ.OpenScap.Kubernetes.Pods;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>
/// Lists this bridge's pods and secrets on every cluster and deletes those whose job this process does not know
/// (left by a restart or a crash) or whose deadline has passed; first it retries the deletes that failed earlier.
/// Every list and delete carries its own deadline (<c>Kubernetes:RequestTimeout</c>), so one dead cluster cannot
/// hold up the sweep of the others.
/// </summary>
internal sealed class OrphanPodSweeper(
    IClusterConnections clusters,
    ActiveScanRegistry activeScans,
    PendingPodDeletions pendingDeletions,
    FailedPodDeletions failedDeletions,
    IOptions<KubernetesScanningOptions> options,
    TimeProvider time,
    ILogger<OrphanPodSweeper> logger) : IOrphanPodSweeper
{
    public async Task<OrphanSweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var tally = new SweepTally();
        await RetryPendingAsync(tally, cancellationToken);
        foreach (var cluster in clusters.All)
        {
            try
            {
                var pods = await cluster.Client.CoreV1.ListNamespacedPodAsync(
                    cluster.Namespace, labelSelector: ScanPodMetadata.Selector(options.Value.OwnerId), cancellationToken: cancellationToken);
                foreach (var pod in pods.Items ?? [])
                {
                    await SweepPodAsync(cluster, pod, tally, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                tally.Failed++;
                Log.SweepListFailed(logger, cluster.Name, cluster.Namespace, ex);
            }

            await SweepSecretsAsync(cluster, tally, cancellationToken);
        }

        var result = new OrphanSweepResult(tally.Examined, tally.Deleted, tally.Kept, tally.Failed);
        Log.SweepFinished(logger, result.Examined, result.Deleted, result.Kept, result.Failed, pendingDeletions.Count);
        return result;
    }

    /// <summary>True while the object belongs to a scan this process runs and its deadline has not passed.</summary>
    private bool IsKept(ClusterConnection cluster, V1ObjectMeta metadata, out string? jobId)
    {
        jobId = metadata.Annotations?.TryGetValue(ScanPodMetadata.JobIdAnnotation, out var id) == true ? id : null;
        return jobId is not null
            && activeScans.TryGet(jobId, out var scan)
            && scan!.Cluster == cluster.Name
            && scan.PodName == metadata.Name
            && time.GetUtcNow() <= scan.Deadline;
    }

    private string ReasonFor(string? jobId) =>
        jobId is not null && activeScans.TryGet(jobId, out _) ? "its deadline has passed" : "no scan in this process owns it";

    private async Task SweepPodAsync(ClusterConnection cluster, V1Pod pod, SweepTally tally, CancellationToken cancellationToken)
    {
        tally.Examined++;
        var name = pod.Metadata.Name;
        if (IsKept(cluster, pod.Metadata, out var jobId))
        {
            tally.Kept++;
            return;
        }

        // Already terminating, already retried in this sweep, or given up: nothing more to do here.
        if (pod.Metadata.DeletionTimestamp is not null
            || tally.Attempted.Contains((cluster.Name, name))
            || failedDeletions.Contains(cluster.Name, name, pod.Metadata.Uid))
        {
            return;
        }

        var reason = ReasonFor(jobId);
        await DeleteAsync(new PendingPodDeletion(cluster.Name, name, pod.Metadata.Uid, jobId ?? ""), reason, tally, cancellationToken);
    }

    /// <summary>Secrets of crashed scans: no pending list, the next sweep lists them again.</summary>
    private async Task SweepSecretsAsync(ClusterConnection cluster, SweepTally tally, CancellationToken cancellationToken)
    {
        try
        {
            var secrets = await cluster.Client.CoreV1.ListNamespacedSecretAsync(
                cluster.Namespace, labelSelector: ScanPodMetadata.Selector(options.Value.OwnerId), cancellationToken: cancellationToken);
            foreach (var secret in secrets.Items ?? [])
            {
                if (IsKept(cluster, secret.Metadata, out var jobId) || secret.Metadata.DeletionTimestamp is not null)
                {
                    continue;
                }

                var reason = ReasonFor(jobId);
                var outcome = await ScanPodDeleter.DeleteSecretAsync(cluster, secret.Metadata.Name, secret.Metadata.Uid, cancellationToken);
                Log.SweptSecret(logger, cluster.Name, secret.Metadata.Name, jobId ?? "", reason, outcome);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            tally.Failed++;
            Log.SweepSecretsFailed(logger, cluster.Name, cluster.Namespace, ex);
        }
    }

    private async Task RetryPendingAsync(SweepTally tally, CancellationToken cancellationToken)
    {
        foreach (var deletion in pendingDeletions.Snapshot())
        {
            pendingDeletions.Remove(deletion);
            await DeleteAsync(deletion with { Attempts = deletion.Attempts + 1 }, "an earlier delete failed", tally, cancellationToken);
        }
    }

    private async Task DeleteAsync(PendingPodDeletion deletion, string reason, SweepTally tally, CancellationToken cancellationToken)
    {
        var cluster = clusters.All.FirstOrDefault(c => c.Name == deletion.Cluster);
        if (cluster is null)
        {
            return; // the cluster left the configuration: nothing this process can reach any more
        }

        tally.Attempted.Add((cluster.Name, deletion.PodName));
        try
        {
            var outcome = await ScanPodDeleter.DeleteAsync(cluster, deletion.PodName, deletion.Uid, cancellationToken);
            if (outcome == PodDeleteOutcome.Deleted)
            {
                tally.Deleted++;
            }

            Log.SweptPod(logger, cluster.Name, deletion.PodName, deletion.JobId, reason, outcome);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            tally.Failed++;
            pendingDeletions.Failed(deletion, ex);
        }
    }

    private sealed class SweepTally
    {
        public int Examined { get; set; }

        public int Deleted { get; set; }

        public int Kept { get; set; }

        public int Failed { get; set; }

        /// <summary>The pods a delete was sent for in this sweep: one attempt per sweep, not two.</summary>
        public HashSet<(string Cluster, string Pod)> Attempted { get; } = [];
    }
}
