using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Service.Health;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReadinessBody))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
