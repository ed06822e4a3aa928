namespace ManageIQ.OpenScap.Kubernetes.Connections;

/// <summary>A Kubernetes API call that passed its deadline: no answer, a stalled body, or a silent watch.</summary>
public sealed class KubernetesCallTimeoutException : TimeoutException
{
    public KubernetesCallTimeoutException()
    {
    }

    public KubernetesCallTimeoutException(string message)
        : base(message)
    {
    }

    public KubernetesCallTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when a watch went silent (nothing, not even a bookmark) rather than a call going unanswered.</summary>
    public bool WatchWentSilent { get; init; }
}
