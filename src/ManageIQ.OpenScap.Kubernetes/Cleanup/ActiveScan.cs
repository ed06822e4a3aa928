namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>A scan this process is running: its pod must not be swept before <see cref="Deadline"/>.</summary>
internal sealed record ActiveScan(string JobId, string Cluster, string PodName, DateTimeOffset Deadline);
