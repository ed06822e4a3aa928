namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>The backends' names, as <c>Bridge:Backend</c> takes them.</summary>
public static class ScanBackendNames
{
    public const string Local = "local";

    public const string Kubernetes = "kubernetes";

    public static IReadOnlyList<string> All { get; } = [Local, Kubernetes];
}
