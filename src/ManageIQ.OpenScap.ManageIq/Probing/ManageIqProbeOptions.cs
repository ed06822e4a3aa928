namespace ManageIQ.OpenScap.ManageIq.Probing;

/// <summary>The start-up probe (section <c>ManageIq:Probe</c>).</summary>
public sealed class ManageIqProbeOptions
{
    public const string SectionName = "ManageIq:Probe";

    /// <summary>How long the whole probe may take, authentication and retries included.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMinutes(1);
}
