using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Images.Sources;

/// <summary>One image of a <c>docker save</c> archive's <c>manifest.json</c>.</summary>
internal sealed record DockerArchiveManifestEntry
{
    [JsonPropertyName("Config")]
    public string? Config { get; init; }

    [JsonPropertyName("RepoTags")]
    public List<string>? RepoTags { get; init; }

    [JsonPropertyName("Layers")]
    public List<string>? Layers { get; init; }
}
