using System.Globalization;
using ManageIQ.OpenScap.State.Queue;

namespace ManageIQ.OpenScap.Service.Configuration;

/// <summary>The queue's <see cref="ScanLimits"/> from <c>Bridge:Limits</c> and the providers' <c>Limit</c> overrides.</summary>
public static class ScanLimitsFactory
{
    public static ScanLimits From(ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var overrides = options.ProviderOverrides
            .Where(o => o.Value.Limit is not null)
            .ToDictionary(o => long.Parse(o.Key, CultureInfo.InvariantCulture), o => o.Value.Limit!.Value);
        return new ScanLimits(options.Limits.Global, options.Limits.PerProvider) { ProviderOverrides = overrides };
    }

    /// <summary>The provider's override, if any.</summary>
    public static ProviderOverrideOptions? Override(ServiceOptions options, long providerId)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ProviderOverrides.TryGetValue(providerId.ToString(CultureInfo.InvariantCulture), out var found) ? found : null;
    }
}
