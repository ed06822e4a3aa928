namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>A CVE feed on local disk, as fetched (possibly compressed).</summary>
/// <param name="Location">The URL or path it came from.</param>
/// <param name="Path">The local file.</param>
/// <param name="FromCache">True when the cached copy was still current (HTTP 304) or the download failed and a cached copy was used.</param>
/// <param name="Stale">True when the download failed and an older cached copy was used.</param>
/// <param name="LastModified">The server's Last-Modified, or the file's time for a local path.</param>
/// <param name="ETag">The server's ETag, when it sent one.</param>
public sealed record CveFeedFile(string Location, string Path, bool FromCache, bool Stale, DateTimeOffset? LastModified, string? ETag);
