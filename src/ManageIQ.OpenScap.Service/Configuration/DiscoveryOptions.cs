namespace ManageIQ.OpenScap.Service.Configuration;

/// <summary><c>Bridge:Discovery</c>: how often providers and their images are listed.</summary>
public sealed class DiscoveryOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}
