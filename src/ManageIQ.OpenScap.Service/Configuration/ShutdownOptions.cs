namespace ManageIQ.OpenScap.Service.Configuration;

/// <summary><c>Bridge:Shutdown</c>: how long scans in flight may finish after a stop before they are cut off.</summary>
public sealed class ShutdownOptions
{
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(60);
}
