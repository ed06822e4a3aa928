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
}
