namespace ManageIQ.OpenScap.Images.Manifests;

/// <summary>Picks the index entry for a platform, as containerd's platform matcher does.</summary>
internal static class PlatformSelector
{
    public static Descriptor? Select(IEnumerable<Descriptor> entries, ImagePlatform wanted) =>
        entries.FirstOrDefault(entry => entry.Platform is { } platform
            && string.Equals(platform.Os, wanted.Os, StringComparison.OrdinalIgnoreCase)
            && string.Equals(platform.Architecture, wanted.Architecture, StringComparison.OrdinalIgnoreCase)
            && VariantMatches(platform.Variant, wanted));

    public static string Describe(IEnumerable<Descriptor> entries) =>
        string.Join(", ", entries.Where(e => e.Platform is not null)
            .Select(e => e.Platform!.Os + "/" + e.Platform.Architecture + (e.Platform.Variant is null ? string.Empty : "/" + e.Platform.Variant)));

    private static bool VariantMatches(string? variant, ImagePlatform wanted)
    {
        if (wanted.Variant is null)
        {
            // arm64 images normally say v8; others rarely carry a variant at all.
            return variant is null || (wanted.Architecture == "arm64" && variant == "v8");
        }

        return string.Equals(variant, wanted.Variant, StringComparison.OrdinalIgnoreCase)
            || (variant is null && wanted.Architecture == "arm64" && wanted.Variant == "v8");
    }
}
