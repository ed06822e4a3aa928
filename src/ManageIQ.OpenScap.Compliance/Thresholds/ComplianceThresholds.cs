using ManageIQ.OpenScap.Publishing;

namespace ManageIQ.OpenScap.Compliance.Thresholds;

/// <summary>
/// The thresholds of every provider: <c>Bridge:Compliance</c>, and for a provider with
/// <c>Bridge:ProviderOverrides:&lt;id&gt;:Compliance</c> those keys bound over a copy of it.
/// </summary>
public sealed class ComplianceThresholds
{
    public ComplianceOptions Default { get; set; } = new();

    /// <summary>By provider id, the thresholds of the providers that override any.</summary>
    public Dictionary<string, ComplianceOptions> ByProvider { get; } = new(StringComparer.Ordinal);

    /// <summary>The thresholds images of <paramref name="providerId"/> are judged by.</summary>
    public ComplianceOptions For(string? providerId) =>
        providerId is not null && ByProvider.TryGetValue(providerId, out var own) ? own : Default;
}
