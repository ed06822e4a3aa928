namespace ManageIQ.OpenScap.Demo.Feeds;

/// <summary>What <c>feed.json</c> beside the OVAL records, so that a later run can reuse the feed for the same images.</summary>
public sealed record FeedManifest
{
    /// <summary>Changes when the feed's shape changes, so an older feed is rebuilt.</summary>
    public const int CurrentFormat = 1;

    public int Format { get; init; }

    /// <summary>A digest of the images' package lists and the security source.</summary>
    public required string Key { get; init; }

    public DateTimeOffset BuiltOn { get; init; }

    public int Definitions { get; init; }

    public List<SourceUpdate> Sources { get; init; } = [];
}
