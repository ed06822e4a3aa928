namespace ManageIQ.OpenScap.Service.Configuration;

/// <summary><c>Bridge:Limits</c>: scans in flight per provider (ManageIQ's <c>concurrent_per_ems</c>) and in all.</summary>
public sealed class LimitOptions
{
    public int PerProvider { get; set; } = 3;

    public int Global { get; set; } = 10;
}
