using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.State.History;

/// <summary>Source-generated JSON for the id lists handed to SQLite's <c>json_each</c>.</summary>
[JsonSerializable(typeof(long[]))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
