namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>The given-up deletions of this process, at most <see cref="Capacity"/> (the oldest are dropped first).</summary>
internal sealed class FailedPodDeletions : IFailedPodDeletions
{
    public const int Capacity = 1000;

    private readonly Lock gate = new();
    private readonly List<FailedPodDeletion> failed = [];

    public IReadOnlyList<FailedPodDeletion> List()
    {
        lock (gate)
        {
            return [.. failed];
        }
    }

    public void Add(FailedPodDeletion deletion)
    {
        lock (gate)
        {
            failed.RemoveAll(f => f.Cluster == deletion.Cluster && f.PodName == deletion.PodName);
            if (failed.Count >= Capacity)
            {
                failed.RemoveAt(0);
            }

            failed.Add(deletion);
        }
    }

    /// <summary>True when this very pod (same name, and same uid when both are known) was given up.</summary>
    public bool Contains(string cluster, string podName, string? uid)
    {
        lock (gate)
        {
            return failed.Any(f => f.Cluster == cluster && f.PodName == podName && (f.Uid is null || uid is null || f.Uid == uid));
        }
    }
}
