using System.Text.Json;

namespace ManageIQ.OpenScap.Images.Manifests;

/// <summary>Parses and checks manifests, indexes and configurations; garbage becomes a <see cref="ManifestException"/>.</summary>
internal static class ManifestParser
{
    private static readonly JsonSerializerOptions SerializerOptions = new() { MaxDepth = 32 };

    /// <summary>Parses a manifest or index. The media type is taken from the document, else from the Content-Type.</summary>
    public static ManifestDocument ParseManifest(ReadOnlySpan<byte> content, string? contentType)
    {
        var document = Deserialize<ManifestDocument>(content, "manifest");
        var mediaType = document.MediaType ?? contentType;
        if (mediaType is MediaTypes.DockerSchema1 or MediaTypes.DockerSchema1Signed || document.SchemaVersion == 1)
        {
            throw new ManifestException("Docker schema 1 manifests are not supported (the registry should convert them to schema 2)");
        }

        if (mediaType is null && document.Manifests is not null)
        {
            mediaType = MediaTypes.OciIndex;
        }
        else if (mediaType is null && document.Config is not null)
        {
            mediaType = MediaTypes.OciManifest;
        }

        if (MediaTypes.IsIndex(mediaType))
        {
            if (document.Manifests is null)
            {
                throw new ManifestException("the index has no 'manifests' list");
            }

            document.Manifests.ForEach(d => CheckDescriptor(d, "index entry"));
        }
        else if (MediaTypes.IsImageManifest(mediaType))
        {
            if (document.Config is null || document.Layers is null)
            {
                throw new ManifestException("the manifest lacks 'config' or 'layers'");
            }

            CheckDescriptor(document.Config, "config");
            document.Layers.ForEach(d => CheckDescriptor(d, "layer"));
        }
        else
        {
            throw new ManifestException($"unsupported manifest media type '{mediaType}'");
        }

        return document with { MediaType = mediaType };
    }

    public static ImageConfigDocument ParseConfig(ReadOnlySpan<byte> content) => Deserialize<ImageConfigDocument>(content, "image configuration");

    public static T Deserialize<T>(ReadOnlySpan<byte> content, string what)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(content, SerializerOptions)
                ?? throw new ManifestException($"the {what} is JSON null");
        }
        catch (JsonException ex)
        {
            throw new ManifestException($"the {what} is not valid JSON: {ex.Message}", ex);
        }
    }

    private static void CheckDescriptor(Descriptor descriptor, string what)
    {
        if (!Digests.IsValidSha256(descriptor.Digest))
        {
            throw new ManifestException($"{what} digest '{Truncate(descriptor.Digest)}' is not sha256:<64 hex digits>");
        }

        if (descriptor.Size < 0)
        {
            throw new ManifestException($"{what} {descriptor.Digest} has a negative size");
        }
    }

    private static string Truncate(string value) => value.Length > 80 ? value[..80] + "…" : value;
}
