namespace ManageIQ.OpenScap.Service.Configuration;

/// <summary><c>Bridge:Providers</c>: which container providers the service keeps analysed.</summary>
public sealed class ProviderSelectionOptions
{
    public ProviderSelectionMode Mode { get; set; } = ProviderSelectionMode.All;

    /// <summary>With <see cref="ProviderSelectionMode.List"/>: ManageIQ's ids of the providers.</summary>
    public List<long> Ids { get; set; } = [];

    public bool Includes(long providerId) => Mode == ProviderSelectionMode.All || Ids.Contains(providerId);
}
