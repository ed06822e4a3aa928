using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Images.Registry;

internal sealed record RegistryError
{
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
