namespace ManageIQ.OpenScap.Kubernetes.Configuration;

/// <summary>One provider's <c>RpmScanMode</c>: <c>refuse</c> (default), <c>user-namespace</c> or <c>root-baseline</c>.</summary>
public sealed class ProviderRpmScanModeEntry
{
    public string? RpmScanMode { get; set; }
}
