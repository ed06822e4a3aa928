namespace ManageIQ.OpenScap.ManageIq.Emulator.Store;

/// <summary>A group, its role and the product features (identifiers) the role grants; <c>everything</c> grants all.</summary>
public sealed record EmulatorGroup(long Id, string Description, string Role, IReadOnlySet<string> Features)
{
    public bool Allows(string identifier) => Features.Contains("everything") || Features.Contains(identifier);
}
