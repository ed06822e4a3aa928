namespace ManageIQ.OpenScap.Service.Configuration;

/// <summary><c>Bridge:Startup</c>: how the start waits for a ManageIQ that does not answer yet.</summary>
public sealed class StartupOptions
{
    public TimeSpan ProbeRetryDelay { get; set; } = TimeSpan.FromSeconds(15);
}
