namespace ManageIQ.OpenScap.ManageIq.Emulator.Auth;

/// <summary>
/// One node of ManageIQ's product feature tree (<c>db/fixtures/miq_product_features.yml</c>), with what
/// manageiq-api's <c>CollectionConfig</c> says about it: the collection it names and the collection action it gates.
/// </summary>
internal sealed record ProductFeature(
    string Identifier,
    string Name,
    string? Description,
    string FeatureType,
    bool Hidden,
    string? Collection,
    ProductFeatureAction? Action,
    string? Parent,
    IReadOnlyList<string> Children);
