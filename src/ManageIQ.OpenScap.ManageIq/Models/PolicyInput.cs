namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>
/// A policy to create or edit. ManageIQ needs every field on create; on edit, <see cref="Contents"/> replaces
/// all contents and <see cref="ConditionIds"/> all conditions.
/// </summary>
public sealed record PolicyInput(
    string Name,
    string Description,
    string Mode,
    string Towhat,
    IReadOnlyList<long> ConditionIds,
    IReadOnlyList<PolicyEventContent> Contents)
{
    public const string ComplianceMode = "compliance";
    public const string ControlMode = "control";

    /// <summary>The guid; ManageIQ's policy create drops it, so the client sets it with an edit right after.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "ManageIQ's column is named guid.")]
    public string? Guid { get; init; }

    /// <summary>Notes (at most 512 characters); like the guid, set by an edit after create.</summary>
    public string? Notes { get; init; }
}
