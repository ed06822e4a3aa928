namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>Runs one image scan in a pod on the provider's cluster and always cleans the pod up.</summary>
public interface IScanPodOrchestrator
{
    /// <summary>Creates the pod, waits for its results, fetches them and deletes the pod.</summary>
    /// <exception cref="ScanPodException">The scan cannot succeed; <see cref="ScanPodException.Failure"/> says why.</exception>
    /// <exception cref="Connections.UnknownProviderException">No configured cluster serves the provider.</exception>
    Task<ScanPodResult> RunScanAsync(ScanPodRequest request, CancellationToken cancellationToken);
}
