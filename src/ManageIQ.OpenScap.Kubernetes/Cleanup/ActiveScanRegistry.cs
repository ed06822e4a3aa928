using System.Collections.Concurrent;

namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>The jobs this process knows: the orphan sweep deletes every labelled pod whose job is not here.</summary>
internal sealed class ActiveScanRegistry
{
    private readonly ConcurrentDictionary<string, ActiveScan> scans = new(StringComparer.Ordinal);

    public int Count => scans.Count;

    /// <summary>Registers a scan before its pod exists, so a sweep racing the create never takes it for an orphan.</summary>
    public void Register(ActiveScan scan)
    {
        if (!scans.TryAdd(scan.JobId, scan))
        {
            throw new InvalidOperationException($"Job {scan.JobId} already has a scan running in this process.");
        }
    }

    public void Unregister(string jobId) => scans.TryRemove(jobId, out _);

    public bool TryGet(string jobId, out ActiveScan? scan) => scans.TryGetValue(jobId, out scan);
}
