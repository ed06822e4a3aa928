using k8s.Models;

namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>
/// Reads a pod's status the way an operator would: image pull errors, crash loops, OOM kills, evictions and the
/// pod deadline end the scan at once instead of waiting for the time limit (ManageIQ issue 14788).
/// </summary>
internal static class PodStateClassifier
{
    private static readonly HashSet<string> PullFailures = new(StringComparer.Ordinal)
    {
        "ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull", "RegistryUnavailable",
    };

    private static readonly HashSet<string> StartFailures = new(StringComparer.Ordinal)
    {
        "CrashLoopBackOff", "CreateContainerConfigError", "CreateContainerError", "RunContainerError",
    };

    /// <summary>True while the scheduler reports it cannot place the pod.</summary>
    public static bool IsUnschedulable(V1Pod pod) =>
        pod.Status?.Conditions?.Any(c => c.Type == "PodScheduled" && c.Status == "False" && c.Reason == "Unschedulable") == true;

    public static PodVerdict Classify(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var status = pod.Status;
        var container = status?.ContainerStatuses?.FirstOrDefault();
        if (status?.Phase == "Failed")
        {
            return FailedPod(status, container);
        }

        if (status?.Phase == "Succeeded")
        {
            return PodVerdict.Failed(ScanPodFailure.PodTerminated, $"the inspector exited before serving results{Terminated(container)}");
        }

        if (pod.Metadata?.DeletionTimestamp is not null)
        {
            return PodVerdict.Failed(ScanPodFailure.PodTerminated, "the pod is being deleted by someone else");
        }

        if (container?.State?.Waiting is { Reason: { } reason } waiting)
        {
            if (PullFailures.Contains(reason))
            {
                return PodVerdict.Failed(ScanPodFailure.InspectorImagePullFailed, $"cannot pull the inspector image ({reason}: {waiting.Message})");
            }

            if (StartFailures.Contains(reason))
            {
                return PodVerdict.Failed(ScanPodFailure.CrashLoop, $"the inspector container cannot run ({reason}: {waiting.Message})");
            }
        }

        if (container?.State?.Terminated is { } terminated)
        {
            return terminated.Reason == "OOMKilled"
                ? PodVerdict.Failed(ScanPodFailure.OutOfMemory, "the inspector was killed for using more memory than its limit (OOMKilled)")
                : PodVerdict.Failed(ScanPodFailure.PodTerminated, $"the inspector exited before serving results{Terminated(container)}");
        }

        return container?.Ready == true ? PodVerdict.Ready : PodVerdict.Waiting;
    }

    private static PodVerdict FailedPod(V1PodStatus status, V1ContainerStatus? container) => status.Reason switch
    {
        "Evicted" => PodVerdict.Failed(ScanPodFailure.Evicted, $"the pod was evicted: {status.Message}"),
        "DeadlineExceeded" => PodVerdict.Failed(ScanPodFailure.DeadlineExceeded, "the pod ran past its activeDeadlineSeconds (DeadlineExceeded)"),
        _ when container?.State?.Terminated?.Reason == "OOMKilled" =>
            PodVerdict.Failed(ScanPodFailure.OutOfMemory, "the inspector was killed for using more memory than its limit (OOMKilled)"),
        _ => PodVerdict.Failed(ScanPodFailure.PodTerminated, $"the pod failed ({status.Reason}: {status.Message}){Terminated(container)}"),
    };

    private static string Terminated(V1ContainerStatus? container) =>
        container?.State?.Terminated is { } t ? $": exit code {t.ExitCode}, {t.Reason} {t.Message}".TrimEnd() : "";
}
