using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Images.Manifests;

internal sealed record RootFsDocument
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("diff_ids")]
    public List<string>? DiffIds { get; init; }
}
