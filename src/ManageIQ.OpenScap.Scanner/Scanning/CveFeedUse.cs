namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>The CVE feed a scan evaluated.</summary>
/// <param name="Location">URL or path, user information removed.</param>
/// <param name="Mode"><c>local-files</c> (inside the data stream's evaluation) or <c>oval-eval</c> (a separate OVAL results file).</param>
/// <param name="FromCache">The cached copy was current or was used as a fallback.</param>
/// <param name="Stale">The download failed and an older cached copy was used.</param>
/// <param name="LastModified">The feed's time.</param>
/// <param name="ETag">The server's ETag, when it sent one.</param>
public sealed record CveFeedUse(string Location, string Mode, bool FromCache, bool Stale, DateTimeOffset? LastModified, string? ETag = null)
{
    public const string LocalFilesMode = "local-files";
    public const string OvalEvalMode = "oval-eval";

    /// <summary>The slimming switch (<see cref="Feeds.CveFeedOptions.Slim"/>) the scan ran with, for the content fingerprint.</summary>
    public bool Slim { get; init; }

    /// <summary>The feed's version for the content fingerprint: its ETag, else its Last-Modified.</summary>
    public string? Version => ETag ?? LastModified?.UtcDateTime.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
