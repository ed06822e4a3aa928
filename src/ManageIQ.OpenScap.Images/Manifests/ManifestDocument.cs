using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Images.Manifests;

/// <summary>An image manifest or an index / manifest list (the fields of both).</summary>
internal sealed record ManifestDocument
{
    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; init; }

    [JsonPropertyName("mediaType")]
    public string? MediaType { get; init; }

    [JsonPropertyName("config")]
    public Descriptor? Config { get; init; }

    [JsonPropertyName("layers")]
    public List<Descriptor>? Layers { get; init; }

    [JsonPropertyName("manifests")]
    public List<Descriptor>? Manifests { get; init; }
}
