namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>The CVE feed a scan evaluated.</summary>
/// <param name="Location">URL or path, user information removed.</param>
/// <param name="Mode"><c>local-files</c> (inside the data stream's evaluation) or <c>oval-eval</c> (a separate OVAL results file).</param>
/// <param name="FromCache">The cached copy was current or was used as a fallback.</param>
/// <param name="Stale">The download failed and an older cached copy was used.</param>
/// <param name="LastModified">The feed's time.</param>
public sealed record CveFeedUse(string Location, string Mode, bool FromCache, bool Stale, DateTimeOffset? LastModified);
