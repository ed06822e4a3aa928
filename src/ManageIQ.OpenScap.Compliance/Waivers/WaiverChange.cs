namespace ManageIQ.OpenScap.Compliance.Waivers;

/// <summary>What one look at the waivers found: a new file version taken, and the waivers that expired since the last look.</summary>
public sealed record WaiverChange(bool Reloaded, IReadOnlyList<Waiver> Expired)
{
    public static WaiverChange None { get; } = new(false, []);

    /// <summary>True when stored results must be judged again.</summary>
    public bool ChangesVerdicts => Reloaded || Expired.Count > 0;
}
