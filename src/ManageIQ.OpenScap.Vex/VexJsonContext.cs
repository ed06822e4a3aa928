using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Vex;

/// <summary>The cached index's serializer, generated (no reflection).</summary>
[JsonSerializable(typeof(VexIndex))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
internal sealed partial class VexJsonContext : JsonSerializerContext;
