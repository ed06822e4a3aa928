using ManageIQ.OpenScap.ManageIq.Emulator.Auth;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Store;

/// <summary>
/// A group, its role and the product features (identifiers) the role is given, in the seed's order. A feature
/// grants every feature below it in ManageIQ's tree, and <c>everything</c> grants all.
/// </summary>
public sealed record EmulatorGroup(long Id, string Description, string Role, IReadOnlySet<string> Features)
{
    /// <summary>The features as the seed listed them (the order <c>authorization.product_features</c> follows).</summary>
    public IReadOnlyList<string> FeatureOrder { get; init; } = [.. Features];

    public bool Allows(string identifier) => ProductFeatureTree.Default.Grants(Features, identifier);
}
