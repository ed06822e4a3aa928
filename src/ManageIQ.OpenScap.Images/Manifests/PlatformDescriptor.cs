using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Images.Manifests;

/// <summary>The platform of an index entry; an image configuration has the same three fields.</summary>
internal record PlatformDescriptor
{
    [JsonPropertyName("architecture")]
    public string? Architecture { get; init; }

    [JsonPropertyName("os")]
    public string? Os { get; init; }

    [JsonPropertyName("variant")]
    public string? Variant { get; init; }
}
