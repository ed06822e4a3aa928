using ManageIQ.OpenScap.Images.Manifests;

namespace ManageIQ.OpenScap.Images.Sources;

/// <summary>Checks shared by every source once the manifest and configuration are known.</summary>
internal static class ImageResolution
{
    /// <summary>Builds the resolved image, refusing non-container artifacts and limits exceeded.</summary>
    public static ResolvedImage Complete(
        ManifestDocument manifest, string configDigest, byte[] configContent, string? manifestDigest,
        IReadOnlyList<string> repoDigests, ImagePlatform requested, UnpackLimits limits)
    {
        if (manifest.Config!.MediaType is { } configType && configType is not (MediaTypes.OciConfig or MediaTypes.DockerConfig))
        {
            throw new ManifestException($"the manifest's config is '{configType}': this artifact is not a container image");
        }

        var config = ManifestParser.ParseConfig(configContent);
        var layers = manifest.Layers!;
        return Check(configDigest, config, layers, manifestDigest, repoDigests, requested, limits);
    }

    public static ResolvedImage Check(
        string configDigest, ImageConfigDocument config, IReadOnlyList<Descriptor> layers, string? manifestDigest,
        IReadOnlyList<string> repoDigests, ImagePlatform requested, UnpackLimits limits)
    {
        if (layers.Count > limits.MaxLayers)
        {
            throw new SourceException(ImageAcquisitionFailure.LimitExceeded, $"the image has {layers.Count} layers, more than {limits.MaxLayers} (limit MaxLayers)");
        }

        // Summed against the limit, not added up first: hostile descriptor sizes could overflow a long.
        var total = 0L;
        foreach (var layer in layers)
        {
            if (layer.Size > limits.MaxDownloadBytes - total)
            {
                throw new SourceException(ImageAcquisitionFailure.LimitExceeded,
                    $"the layers total more than {limits.MaxDownloadBytes} bytes (limit MaxDownloadBytes; layer {layer.Digest} alone claims {layer.Size})");
            }

            total += layer.Size;
        }

        var diffIds = config.RootFs?.DiffIds;
        if (diffIds is not null && diffIds.Count != layers.Count)
        {
            throw new ManifestException($"the configuration lists {diffIds.Count} diff_ids for {layers.Count} layers");
        }

        if (diffIds is not null && diffIds.Any(d => !Digests.IsValidSha256(d)))
        {
            throw new ManifestException("a diff_id of the configuration is not sha256:<64 hex digits>");
        }

        var platform = string.IsNullOrEmpty(config.Architecture)
            ? requested
            : new ImagePlatform(string.IsNullOrEmpty(config.Os) ? requested.Os : config.Os, config.Architecture, string.IsNullOrEmpty(config.Variant) ? null : config.Variant);
        return new ResolvedImage(configDigest, manifestDigest, repoDigests, layers, diffIds, platform);
    }

    /// <summary>Picks the platform's manifest descriptor out of an index.</summary>
    public static Descriptor SelectFromIndex(ManifestDocument index, ImagePlatform platform)
    {
        var entries = index.Manifests!.Where(m => m.MediaType is null || MediaTypes.IsImageManifest(m.MediaType) || MediaTypes.IsIndex(m.MediaType)).ToList();
        return PlatformSelector.Select(entries, platform)
            ?? throw new SourceException(ImageAcquisitionFailure.PlatformNotFound,
                $"the image index has no manifest for {platform} (it has: {PlatformSelector.Describe(entries)})");
    }
}
