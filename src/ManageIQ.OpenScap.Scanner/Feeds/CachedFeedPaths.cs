using System.Security.Cryptography;
using System.Text;

namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>Where the cache keeps one URL's feed and its validators, and the partial names they are written under.</summary>
internal sealed record CachedFeedPaths(string Feed, string Metadata)
{
    public string FeedPartial => Feed + ".part";

    public string MetadataPartial => Metadata + ".part";

    public static CachedFeedPaths For(string directory, string url)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..32];
        return new CachedFeedPaths(Path.Combine(directory, key + ".feed"), Path.Combine(directory, key + ".json"));
    }
}
