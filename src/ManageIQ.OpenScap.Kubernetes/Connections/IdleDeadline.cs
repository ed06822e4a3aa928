namespace ManageIQ.OpenScap.Kubernetes.Connections;

/// <summary>How long a streamed answer may go without delivering anything, and what to say when it does.</summary>
internal sealed record IdleDeadline(TimeSpan Limit, string Message, bool IsWatch, TimeProvider Time)
{
    public KubernetesCallTimeoutException Passed(Exception inner) => new(Message + ".", inner) { WatchWentSilent = IsWatch };
}
