using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Scanner.Feeds;

[JsonSerializable(typeof(CachedFeedMetadata))]
internal sealed partial class FeedJsonContext : JsonSerializerContext;
