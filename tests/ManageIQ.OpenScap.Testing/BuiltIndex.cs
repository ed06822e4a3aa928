using System.Text.Json.Nodes;

namespace ManageIQ.OpenScap.Testing;

/// <summary>A multi-platform image: an OCI index or a Docker manifest list over built images.</summary>
public sealed record BuiltIndex(byte[] Content, string MediaType, IReadOnlyList<BuiltImage> Images)
{
    public const string OciIndexType = "application/vnd.oci.image.index.v1+json";
    public const string DockerListType = "application/vnd.docker.distribution.manifest.list.v2+json";

    public string Digest => BuiltLayer.Sha256(Content);

    public static BuiltIndex Create(TestManifestFormat format, params BuiltImage[] images)
    {
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = format == TestManifestFormat.DockerV2 ? DockerListType : OciIndexType,
            ["manifests"] = new JsonArray([.. images.Select(image =>
            {
                var platform = new JsonObject { ["architecture"] = image.Architecture, ["os"] = image.Os };
                if (image.Variant is not null)
                {
                    platform["variant"] = image.Variant;
                }

                return (JsonNode)new JsonObject
                {
                    ["mediaType"] = image.ManifestMediaType,
                    ["digest"] = image.ManifestDigest,
                    ["size"] = image.Manifest.Length,
                    ["platform"] = platform,
                };
            })]),
        };
        return new BuiltIndex(System.Text.Encoding.UTF8.GetBytes(index.ToJsonString()), format == TestManifestFormat.DockerV2 ? DockerListType : OciIndexType, images);
    }

    /// <summary>Writes the index and all its images into an OCI layout, tagged <paramref name="tag"/>.</summary>
    public void WriteOciLayout(string directory, string? tag)
    {
        var blobs = new List<byte[]>();
        foreach (var image in Images)
        {
            blobs.Add(image.Manifest);
            blobs.Add(image.Config);
            blobs.AddRange(image.Layers.Select(l => l.Blob));
        }

        OciLayout.Add(directory, tag, MediaType, Content, blobs, new JsonObject());
    }
}
