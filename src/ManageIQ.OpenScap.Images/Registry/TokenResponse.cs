using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Images.Registry;

/// <summary>The token server's answer (Docker token spec: <c>token</c>, or OAuth's <c>access_token</c>).</summary>
internal sealed record TokenResponse
{
    [JsonPropertyName("token")]
    public string? Token { get; init; }

    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }
}
