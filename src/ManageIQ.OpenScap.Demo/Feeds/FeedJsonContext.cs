using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Demo.Feeds;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FeedManifest))]
internal sealed partial class FeedJsonContext : JsonSerializerContext;
