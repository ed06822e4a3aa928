namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>Why a scan in a pod ended without results.</summary>
public enum ScanPodFailure
{
    /// <summary>The Kubernetes API refused or failed a call (create, watch, proxy).</summary>
    ApiError,

    /// <summary>The inspector image could not be pulled (ErrImagePull, ImagePullBackOff, InvalidImageName).</summary>
    InspectorImagePullFailed,

    /// <summary>The inspector container keeps crashing (CrashLoopBackOff) or could not start.</summary>
    CrashLoop,

    /// <summary>The inspector ran out of memory (OOMKilled).</summary>
    OutOfMemory,

    /// <summary>The kubelet evicted the pod (node pressure, emptyDir over its size limit).</summary>
    Evicted,

    /// <summary>The pod's <c>activeDeadlineSeconds</c> passed (DeadlineExceeded).</summary>
    DeadlineExceeded,

    /// <summary>The scheduler could not place the pod for longer than the limit.</summary>
    Unschedulable,

    /// <summary>The pod ended (Failed or Succeeded) before it became ready, or vanished.</summary>
    PodTerminated,

    /// <summary>The per-scan time limit passed.</summary>
    TimedOut,

    /// <summary>The inspector could not get the image to scan (metadata <c>ImageAcquireError</c>).</summary>
    ImageAcquireFailed,

    /// <summary>The inspector scanned another image than the one asked for.</summary>
    ImageMismatch,

    /// <summary>The inspector answered with an error or garbage.</summary>
    InspectorError,
}
