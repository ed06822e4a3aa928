namespace ManageIQ.OpenScap.Kubernetes.Scanning;

internal enum PodVerdictKind
{
    Waiting,
    Ready,
    Failed,
}
