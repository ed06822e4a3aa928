namespace ManageIQ.OpenScap.Control.Source;

/// <summary>A <c>MiqPolicySet</c> (policy profile) of a policy file; <see cref="Notes"/> is its <c>set_data[:notes]</c>.</summary>
public sealed record PolicyProfileSource(
    string Name,
    string Description,
    string Guid,
    string Mode,
    string? Notes,
    IReadOnlyList<PolicySource> Policies,
    string File);
