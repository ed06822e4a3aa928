namespace ManageIQ.OpenScap.Control.Source;

/// <summary>A <c>MiqPolicy</c> of a policy file with its contents and conditions.</summary>
public sealed record PolicySource(
    string Name,
    string Description,
    string Guid,
    string Towhat,
    string Mode,
    bool Active,
    string? Notes,
    IReadOnlyList<PolicyContentSource> Contents,
    IReadOnlyList<ConditionSource> Conditions);
