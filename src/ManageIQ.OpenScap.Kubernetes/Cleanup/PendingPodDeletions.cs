using System.Collections.Concurrent;
using ManageIQ.OpenScap.Kubernetes.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>
/// Deletes that failed, retried by every sweep: transient failures until they succeed, refusals until
/// <c>Kubernetes:MaxDeleteAttempts</c>, after which the deletion is logged as an error and recorded in
/// <see cref="FailedPodDeletions"/>. A failed delete is never silently forgotten.
/// </summary>
internal sealed class PendingPodDeletions(
    FailedPodDeletions failed,
    IOptions<KubernetesScanningOptions> options,
    TimeProvider time,
    ILogger<PendingPodDeletions> logger)
{
    private readonly ConcurrentDictionary<(string Cluster, string Pod), PendingPodDeletion> pending = new();

    public int Count => pending.Count;

    public IReadOnlyList<PendingPodDeletion> Snapshot() => [.. pending.Values];

    public bool Contains(string cluster, string podName) => pending.ContainsKey((cluster, podName));

    public void Remove(PendingPodDeletion deletion) => pending.TryRemove((deletion.Cluster, deletion.PodName), out _);

    /// <summary>Records that attempt number <see cref="PendingPodDeletion.Attempts"/> of this delete failed with <paramref name="exception"/>.</summary>
    public void Failed(PendingPodDeletion deletion, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(deletion);
        ArgumentNullException.ThrowIfNull(exception);
        if (DeleteRetryPolicy.GivesUp(exception, deletion.Attempts, options.Value.MaxDeleteAttempts))
        {
            Remove(deletion);
            var status = DeleteRetryPolicy.StatusOf(exception);
            failed.Add(new FailedPodDeletion(deletion.Cluster, deletion.PodName, deletion.Uid, deletion.JobId, deletion.Attempts, status, exception.Message, time.GetUtcNow()));
            Log.DeleteGivenUp(logger, deletion.Cluster, deletion.PodName, deletion.JobId, deletion.Attempts, status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer", exception);
            return;
        }

        pending[(deletion.Cluster, deletion.PodName)] = deletion;
        Log.DeleteFailed(logger, deletion.Cluster, deletion.PodName, deletion.JobId, deletion.Attempts, exception);
    }
}
