using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Images.Manifests;

internal sealed record PlatformDescriptor
{
    [JsonPropertyName("architecture")]
    public string? Architecture { get; init; }

    [JsonPropertyName("os")]
    public string? Os { get; init; }

    [JsonPropertyName("variant")]
    public string? Variant { get; init; }
}
