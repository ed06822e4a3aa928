using System.Collections.Concurrent;

namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>Deletes that failed, retried by every sweep until they succeed: a failed delete is never forgotten.</summary>
internal sealed class PendingPodDeletions
{
    private readonly ConcurrentDictionary<(string Cluster, string Pod), PendingPodDeletion> pending = new();

    public int Count => pending.Count;

    public void Add(PendingPodDeletion deletion) =>
        pending.AddOrUpdate((deletion.Cluster, deletion.PodName), deletion, (_, old) => deletion with { Attempts = old.Attempts + 1 });

    public IReadOnlyList<PendingPodDeletion> Snapshot() => [.. pending.Values];

    public void Remove(PendingPodDeletion deletion) => pending.TryRemove((deletion.Cluster, deletion.PodName), out _);
}
