using System.Text.Json;

namespace ManageIQ.OpenScap.Contracts.Inspector;

/// <summary>The inspector's JSON documents, written and read the same way on both sides.</summary>
public static class InspectorJson
{
    public const string MediaType = "application/json";

    public static string Serialize(InspectorMetadata metadata) => JsonSerializer.Serialize(metadata, InspectorJsonContext.Default.InspectorMetadata);

    public static string Serialize(ApiVersions versions) => JsonSerializer.Serialize(versions, InspectorJsonContext.Default.ApiVersions);

    /// <exception cref="JsonException">Not a metadata document.</exception>
    public static InspectorMetadata DeserializeMetadata(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, InspectorJsonContext.Default.InspectorMetadata) ?? throw new JsonException("The metadata document is JSON null.");
}
