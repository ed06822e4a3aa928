using k8s;
using k8s.Models;
using ManageIQ.OpenScap.Kubernetes.Configuration;
using ManageIQ.OpenScap.Kubernetes.Connections;
using ManageIQ.OpenScap.Kubernetes.Pods;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>
/// Lists this bridge's pods on every cluster and deletes those whose job this process does not know (left by a
/// restart or a crash) or whose deadline has passed; first it retries the deletes that failed earlier.
/// </summary>
internal sealed class OrphanPodSweeper(
    IClusterConnections clusters,
    ActiveScanRegistry activeScans,
    PendingPodDeletions pendingDeletions,
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
        }

        var result = new OrphanSweepResult(tally.Examined, tally.Deleted, tally.Kept, tally.Failed);
        Log.SweepFinished(logger, result.Examined, result.Deleted, result.Kept, result.Failed, pendingDeletions.Count);
        return result;
    }

    private async Task SweepPodAsync(ClusterConnection cluster, V1Pod pod, SweepTally tally, CancellationToken cancellationToken)
    {
        tally.Examined++;
        var name = pod.Metadata.Name;
        var jobId = pod.Metadata.Annotations?.TryGetValue(ScanPodMetadata.JobIdAnnotation, out var id) == true ? id : null;
        if (jobId is not null
            && activeScans.TryGet(jobId, out var scan)
            && scan!.Cluster == cluster.Name
            && scan.PodName == name
            && time.GetUtcNow() <= scan.Deadline)
        {
            tally.Kept++;
            return;
        }

        if (pod.Metadata.DeletionTimestamp is not null)
        {
            return; // already terminating
        }

        var reason = jobId is not null && activeScans.TryGet(jobId, out _) ? "its deadline has passed" : "no scan in this process owns it";
        await DeleteAsync(new PendingPodDeletion(cluster.Name, name, pod.Metadata.Uid, jobId ?? ""), reason, tally, cancellationToken);
    }

    private async Task RetryPendingAsync(SweepTally tally, CancellationToken cancellationToken)
    {
        foreach (var deletion in pendingDeletions.Snapshot())
        {
            pendingDeletions.Remove(deletion);
            await DeleteAsync(deletion, "an earlier delete failed", tally, cancellationToken);
        }
    }

    private async Task DeleteAsync(PendingPodDeletion deletion, string reason, SweepTally tally, CancellationToken cancellationToken)
    {
        var cluster = clusters.All.FirstOrDefault(c => c.Name == deletion.Cluster);
        if (cluster is null)
        {
            return; // the cluster left the configuration: nothing this process can reach any more
        }

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
            pendingDeletions.Add(deletion with { Attempts = deletion.Attempts + 1 });
            Log.DeleteFailed(logger, cluster.Name, deletion.PodName, deletion.JobId, ex);
        }
    }

    private sealed class SweepTally
    {
        public int Examined { get; set; }

        public int Deleted { get; set; }

        public int Kept { get; set; }

        public int Failed { get; set; }
    }
}
