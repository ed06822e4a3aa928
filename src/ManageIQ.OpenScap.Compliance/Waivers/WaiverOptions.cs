namespace ManageIQ.OpenScap.Compliance.Waivers;

/// <summary>The waiver file and how often it is looked at (section <c>Bridge:Waivers</c>).</summary>
public sealed class WaiverOptions
{
    public const string SectionName = "Bridge:Waivers";

    public static readonly TimeSpan MinCheckInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxCheckInterval = TimeSpan.FromHours(1);

    /// <summary>The YAML waiver file; none when unset.</summary>
    public string? File { get; set; }

    /// <summary>How often the service looks for a changed file and for waivers that expired. Default 30 s.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
