namespace ManageIQ.OpenScap.Kubernetes.FakeApi;

/// <summary>What the fake kubelet does with a created pod.</summary>
public enum PodBehavior
{
    /// <summary>Scheduled, started, then ready (the inspector finished).</summary>
    BecomesReady,

    /// <summary>The container image cannot be pulled: ErrImagePull, then ImagePullBackOff.</summary>
    ImagePullBackOff,

    /// <summary>The container image cannot be pulled: ErrImagePull.</summary>
    ErrImagePull,

    /// <summary>The container keeps crashing: CrashLoopBackOff.</summary>
    CrashLoopBackOff,

    /// <summary>The container is killed for memory: phase Failed, terminated OOMKilled.</summary>
    OomKilled,

    /// <summary>The kubelet evicts the pod: phase Failed, reason Evicted.</summary>
    Evicted,

    /// <summary>The pod's activeDeadlineSeconds passes at once: phase Failed, reason DeadlineExceeded.</summary>
    DeadlineExceeded,

    /// <summary>The scheduler cannot place the pod: PodScheduled False, reason Unschedulable.</summary>
    Unschedulable,

    /// <summary>Running, never ready (the inspector never finishes).</summary>
    NeverReady,
}
