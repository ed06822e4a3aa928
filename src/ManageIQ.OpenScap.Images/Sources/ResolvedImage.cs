using ManageIQ.OpenScap.Images.Manifests;

namespace ManageIQ.OpenScap.Images.Sources;

/// <summary>What a source resolved: the configuration and the layers to apply, bottom first.</summary>
internal sealed record ResolvedImage(
    string ConfigDigest,
    string? ManifestDigest,
    IReadOnlyList<string> RepoDigests,
    IReadOnlyList<Descriptor> Layers,
    IReadOnlyList<string>? DiffIds,
    ImagePlatform Platform)
{
    /// <summary>The manifest list or index the platform's manifest was picked from, when the reference named one.</summary>
    public string? IndexDigest { get; init; }
}
