using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Kubernetes.Configuration;

/// <summary>The <c>RpmScanMode</c> of each <c>Bridge:ProviderOverrides:&lt;id&gt;</c> (the rest of those sections is the service's).</summary>
public sealed class ProviderRpmScanModeOptions
{
    public const string SectionName = "Bridge:ProviderOverrides";

    /// <summary>Provider id to its override section.</summary>
    public Dictionary<string, ProviderRpmScanModeEntry> Providers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The provider's mode; <see cref="RpmScanMode.Refuse"/> when it sets none (an invalid one is refused at start).</summary>
    public RpmScanMode For(string? providerId) =>
        providerId is not null && Providers.TryGetValue(providerId, out var entry) && RpmScanModeNames.TryParse(entry.RpmScanMode, out var mode) ? mode : RpmScanMode.Refuse;
}
