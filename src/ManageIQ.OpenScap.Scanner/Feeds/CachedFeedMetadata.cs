namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>The validators stored next to a cached feed.</summary>
internal sealed record CachedFeedMetadata(string Url, string? ETag, DateTimeOffset? LastModified, DateTimeOffset FetchedAt);
