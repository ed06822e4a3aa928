using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Images.Manifests;

/// <summary>An OCI content descriptor (also Docker schema 2's).</summary>
internal sealed record Descriptor
{
    [JsonPropertyName("mediaType")]
    public string? MediaType { get; init; }

    [JsonPropertyName("digest")]
    public string Digest { get; init; } = string.Empty;

    [JsonPropertyName("size")]
    public long Size { get; init; }

    [JsonPropertyName("platform")]
    public PlatformDescriptor? Platform { get; init; }

    [JsonPropertyName("annotations")]
    public Dictionary<string, string>? Annotations { get; init; }
}
