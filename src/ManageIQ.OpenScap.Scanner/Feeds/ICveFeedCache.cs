namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>Fetches CVE OVAL feeds, downloading a URL only when the server has a newer copy than the cache.</summary>
public interface ICveFeedCache
{
    /// <summary>Returns a local copy of the feed at <paramref name="location"/> (an http(s) URL or a path).</summary>
    /// <exception cref="CveFeedException">Not reachable and not cached, or the local file is missing.</exception>
    Task<CveFeedFile> GetAsync(string location, CancellationToken cancellationToken);
}
