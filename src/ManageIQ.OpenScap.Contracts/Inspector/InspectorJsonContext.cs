using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Contracts.Inspector;

/// <summary>Metadata JSON with the property names as declared (image-inspector's Go field names), indented like Go's.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(InspectorMetadata))]
[JsonSerializable(typeof(ApiVersions))]
internal sealed partial class InspectorJsonContext : JsonSerializerContext;
