namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>
/// One entry of <c>CveFeeds:Mirrors</c>: every feed location starting with <see cref="From"/> is fetched from
/// <see cref="To"/> instead, with the rest of the location appended. For air-gapped sites and mirrors; it applies to
/// the distribution map's feeds, the data streams' own references and the provider's <c>cve_url</c> alike.
/// </summary>
public sealed class CveFeedMirror
{
    /// <summary>The prefix replaced, e.g. <c>https://www.debian.org/security/oval/</c>.</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>The replacement: an http(s) URL prefix or an absolute directory, e.g. <c>/srv/mirror/debian/</c>.</summary>
    public string To { get; set; } = string.Empty;

    /// <summary>The location with the longest matching mirror applied; unchanged when none matches.</summary>
    public static string Apply(IEnumerable<CveFeedMirror> mirrors, string location)
    {
        ArgumentNullException.ThrowIfNull(mirrors);
        ArgumentNullException.ThrowIfNull(location);
        var mirror = mirrors.Where(m => m.From.Length > 0 && location.StartsWith(m.From, StringComparison.Ordinal)).MaxBy(m => m.From.Length);
        return mirror is null ? location : mirror.To + location[mirror.From.Length..];
    }
}
