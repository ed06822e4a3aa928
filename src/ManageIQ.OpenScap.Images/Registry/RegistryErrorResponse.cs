using System.Text.Json;
using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Images.Registry;

/// <summary>The distribution API's error body: <c>{"errors":[{"code":"…","message":"…"}]}</c>.</summary>
internal sealed record RegistryErrorResponse
{
    private const int MaxShownChars = 200;

    [JsonPropertyName("errors")]
    public List<RegistryError>? Errors { get; init; }

    /// <summary>"CODE: message; …" from a body, or an empty string when it is not the API's JSON.</summary>
    public static string Describe(ReadOnlySpan<byte> body)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<RegistryErrorResponse>(body);
            return parsed?.Errors is { Count: > 0 } errors
                ? string.Join("; ", errors.Take(3).Select(e => Shorten($"{e.Code}: {e.Message}")))
                : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static string Shorten(string text) => text.Length > MaxShownChars ? text[..MaxShownChars] + "…" : text;
}
