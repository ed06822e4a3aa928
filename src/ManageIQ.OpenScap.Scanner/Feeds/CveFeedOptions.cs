namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>CVE feed fetching and caching (configuration section <c>CveFeeds</c>).</summary>
public sealed class CveFeedOptions
{
    public const string SectionName = "CveFeeds";

    /// <summary>
    /// Where downloaded feeds are kept with their ETag and Last-Modified: a directory of this user's own,
    /// created 0700. Default <c>$XDG_STATE_HOME/manageiq-openscap/cve-cache</c>, else
    /// <c>$HOME/.local/state/manageiq-openscap/cve-cache</c>; the inspector uses <c>WORK-DIR/cve-cache</c>.
    /// </summary>
    public string CacheDirectory { get; set; } = DefaultCacheDirectory(Environment.GetEnvironmentVariable);

    public CveFeedPolicy Policy { get; set; } = CveFeedPolicy.Optional;

    /// <summary>Time limit of one feed download.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest feed accepted, compressed or decompressed (Debian's bookworm feed is about 100 MB of XML). Default 2 GiB.</summary>
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Feed slimming (<c>CveFeeds:Slim</c>, default true): before oscap runs, the feed is reduced to the definitions
    /// that could be true for the image's packages (docs/feed-slimming.md). False gives oscap the whole feed.
    /// </summary>
    public bool Slim { get; set; } = true;

    /// <summary>The configuration key of <see cref="Slim"/>, as notes and docs name it.</summary>
    public const string SlimKey = SectionName + ":" + nameof(Slim);

    /// <summary>Prefix rewrites applied to every feed location before it is fetched (<see cref="CveFeedMirror"/>).</summary>
    public List<CveFeedMirror> Mirrors { get; set; } = [];

    /// <summary>
    /// The User-Agent of feed downloads. Debian answers 403 to anonymous heavy downloads of its feeds
    /// (aboutcode-org/vulnerablecode #1291), so the default names the project and its version.
    /// </summary>
    public string UserAgent { get; set; } = "ManageIQ.OpenScap/" + ManageIQ.OpenScap.Contracts.Scanning.ContentFingerprint.CurrentProjectVersion.Split('+')[0] + " (+https://github.com/ManageIQ)";

    /// <summary>The state directory's cache, or an empty string when neither variable gives an absolute path.</summary>
    internal static string DefaultCacheDirectory(Func<string, string?> environment)
    {
        if (environment("XDG_STATE_HOME") is { Length: > 0 } state && Path.IsPathFullyQualified(state))
        {
            return Path.Combine(state, "manageiq-openscap", "cve-cache");
        }

        return environment("HOME") is { Length: > 0 } home && Path.IsPathFullyQualified(home)
            ? Path.Combine(home, ".local", "state", "manageiq-openscap", "cve-cache")
            : string.Empty;
    }
}
