namespace ManageIQ.OpenScap.Service.Configuration;

/// <summary><c>Bridge:Providers</c>: which container providers the service keeps analysed.</summary>
public sealed class ProviderSelectionOptions
{
    public ProviderSelectionMode Mode { get; set; } = ProviderSelectionMode.All;

    /// <summary>With <see cref="ProviderSelectionMode.List"/>: ManageIQ's ids of the providers.</summary>
    public List<long> Ids { get; set; } = [];

    /// <summary>Whether the provider is selected by the configuration alone; <see cref="ProviderSelectionMode.Assigned"/> asks ManageIQ instead.</summary>
    public bool Includes(long providerId) => Mode switch
    {
        ProviderSelectionMode.All => true,
        ProviderSelectionMode.List => Ids.Contains(providerId),
        _ => throw new InvalidOperationException("The assigned mode is decided by the provider's profiles in ManageIQ."),
    };
}
