namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>The most bytes one download through the pod proxy may bring, and the setting that says so.</summary>
internal readonly record struct DownloadLimit(long MaxBytes, string SettingKey);
