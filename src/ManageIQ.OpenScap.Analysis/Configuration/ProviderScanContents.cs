namespace ManageIQ.OpenScap.Analysis.Configuration;

/// <summary>By provider id, the providers whose overrides set a <see cref="ProviderScanContent"/>.</summary>
public sealed class ProviderScanContents
{
    public const string OverridesSection = "Bridge:ProviderOverrides";

    public Dictionary<string, ProviderScanContent> ByProvider { get; } = new(StringComparer.Ordinal);

    public ProviderScanContent? For(string? providerId) =>
        providerId is not null && ByProvider.TryGetValue(providerId, out var content) ? content : null;
}
