namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>A scan that ended without results; <see cref="Failure"/> says why, the message says what was seen.</summary>
public sealed class ScanPodException : Exception
{
    public ScanPodException()
    {
    }

    public ScanPodException(string message)
        : base(message)
    {
    }

    public ScanPodException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ScanPodException(ScanPodFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public ScanPodFailure Failure { get; }

    /// <summary>The pod that ran the scan, when one was created.</summary>
    public string? PodName { get; init; }
}
