using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Images.Manifests;

/// <summary>The parts of an image configuration acquisition needs.</summary>
internal sealed record ImageConfigDocument
{
    [JsonPropertyName("architecture")]
    public string? Architecture { get; init; }

    [JsonPropertyName("os")]
    public string? Os { get; init; }

    [JsonPropertyName("variant")]
    public string? Variant { get; init; }

    [JsonPropertyName("rootfs")]
    public RootFsDocument? RootFs { get; init; }
}
