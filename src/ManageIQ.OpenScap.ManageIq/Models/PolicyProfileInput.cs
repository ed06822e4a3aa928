namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>A policy profile to create or edit; ManageIQ requires the description and defaults the name to it.</summary>
public sealed record PolicyProfileInput(string Name, string Description, string Mode = PolicyInput.ControlMode)
{
    /// <summary>The guid to create it with (kept by ManageIQ's create); null lets ManageIQ make one.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "ManageIQ's column is named guid.")]
    public string? Guid { get; init; }

    /// <summary>The profile's notes, sent as <c>set_data.notes</c>; null sends no <c>set_data</c>.</summary>
    public string? Notes { get; init; }
}
