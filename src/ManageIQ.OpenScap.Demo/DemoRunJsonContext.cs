using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Demo;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<DemoRunRecord>))]
internal sealed partial class DemoRunJsonContext : JsonSerializerContext;
