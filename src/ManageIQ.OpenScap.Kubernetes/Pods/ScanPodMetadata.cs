namespace ManageIQ.OpenScap.Kubernetes.Pods;

/// <summary>The labels and annotations that mark a scanning pod and tie it to its job.</summary>
public static class ScanPodMetadata
{
    public const string NamePrefix = "manageiq-img-scan-";
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "manageiq-openscap";
    public const string ManageIqLabel = "manageiq.org";
    public const string OwnerLabel = "manageiq.org/scan-owner";
    public const string JobIdAnnotation = "manageiq.org/jobid";
    public const string ImageAnnotation = "manageiq.org/image";
    public const string ImageIdAnnotation = "manageiq.org/image-id";

    /// <summary>When the bridge gives up on the pod (ISO 8601, UTC): the orphan sweep deletes it after that.</summary>
    public const string DeadlineAnnotation = "manageiq.org/scan-deadline";

    public const string ContainerName = "image-inspector";
    public const int InspectorPort = Contracts.Inspector.InspectorWire.Port;
    public const string ScratchVolume = "scan";
    public const string ScratchPath = "/scan";
    public const string PullSecretsPath = "/var/run/secrets/manageiq.org/pull-secrets";

    /// <summary>The provider's tailoring file, from the pod's own secret (<see cref="ScanPodSecret.TailoringKey"/>).</summary>
    public const string TailoringVolume = "tailoring";
    public const string TailoringPath = "/var/run/secrets/manageiq.org/tailoring";

    /// <summary>The labels of one bridge's scanning pods and their secrets.</summary>
    public static Dictionary<string, string> Labels(string ownerId) => new(StringComparer.Ordinal)
    {
        [ManagedByLabel] = ManagedByValue,
        [ManageIqLabel] = "true",
        [OwnerLabel] = ownerId,
    };

    /// <summary>The label selector of one bridge's scanning pods (and their secrets).</summary>
    public static string Selector(string ownerId) => $"{ManagedByLabel}={ManagedByValue},{OwnerLabel}={ownerId}";
}
