using System.Collections.Concurrent;
using System.Security.Cryptography;
using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Scanner.Scanning;
using ManageIQ.OpenScap.Service.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Service.Discovery;

/// <summary>
/// Says, without pulling the image, whether a scan now would give the fingerprint the last one had: the content
/// the distribution resolves to today (data stream, profile), the CVE feed's current version (the cache's ETag
/// or Last-Modified, revalidated at most once per <see cref="FeedRecheck"/>; a VEX directory's listing), the feed slimming switch and this bridge's version. For a scan in
/// a pod, the inspector image (its tag stands for its SSG, oscap and inspector versions) replaces the data stream, the
/// slimming switch and the bridge's version: they are the image's and its settings', not this process's.
/// </summary>
public sealed class ContentFingerprintPredictor
{
    /// <summary>How long a feed's version is trusted before the cache revalidates it (a conditional GET).</summary>
    public static readonly TimeSpan FeedRecheck = TimeSpan.FromMinutes(1);

    private readonly IScapContentResolver _resolver;
    private readonly IDataStreamInspector _inspector;
    private readonly ICveFeedCache _feeds;
    private readonly CveFeedOptions _feedOptions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _feedLocations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, string? Version)> _feedVersions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ((long, DateTime) Stamp, string Digest)> _tailorings = new(StringComparer.Ordinal);

    public ContentFingerprintPredictor(IScapContentResolver resolver, IDataStreamInspector inspector, ICveFeedCache feeds, IOptions<CveFeedOptions> feedOptions, TimeProvider time, ILogger<ContentFingerprintPredictor> logger)
    {
        ArgumentNullException.ThrowIfNull(feedOptions);
        _resolver = resolver;
        _inspector = inspector;
        _feeds = feeds;
        _feedOptions = feedOptions.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// True when <paramref name="fingerprint"/> (as stored) is what a scan of that distribution would give now, on a
    /// backend whose <see cref="IScanBackend.ContentSource"/> is <paramref name="contentSource"/>.
    /// </summary>
    public Task<bool> IsCurrentAsync(string? distribution, string fingerprint, string? contentSource, CancellationToken cancellationToken) =>
        IsCurrentAsync(distribution, fingerprint, contentSource, null, cancellationToken);

    /// <summary>
    /// As above for an image of a provider with its own <paramref name="content"/>: its profile replaces the mapped
    /// one, and its tailoring file's content must be the one scanned (<c>tailoring-sha256</c>).
    /// </summary>
    public async Task<bool> IsCurrentAsync(string? distribution, string fingerprint, string? contentSource, ProviderScanContent? content, CancellationToken cancellationToken)
    {
        var fields = ContentFingerprint.Fields(fingerprint);
        if (fields.Count == 0 || string.IsNullOrWhiteSpace(distribution) || Field(fields, "inspector") != (contentSource ?? string.Empty))
        {
            return false;
        }

        if (contentSource is null && Field(fields, "miq-openscap") != ContentFingerprint.CurrentProjectVersion)
        {
            return false;
        }

        var parts = distribution.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (Field(fields, "tailoring-sha256") != (TailoringDigest(content?.TailoringFile) ?? string.Empty))
        {
            return false;
        }

        var selection = _resolver.Resolve(new OsRelease { Id = parts[0], VersionId = parts.Length > 1 ? parts[1] : null }, new ScapContentOverride(Profile: content?.Profile)).Selection;
        if (selection is null)
        {
            // In-process, no content means no scan to compare with. A pod brings its own: its image was compared.
            return contentSource is not null;
        }

        if ((contentSource is null && Field(fields, "ds") != (selection.DataStreamPath is null ? ScapContentSelection.NoDataStream : Path.GetFileName(selection.DataStreamPath))) || Field(fields, "profile") != selection.Profile)
        {
            return false;
        }

        // A scan with a feed records the slimming switch; switching it rescans. A VEX feed, converted for the image's
        // own packages, is never slimmed. A pod slims by its own settings.
        var slim = selection.CveFeedFormat == CveFeedFormat.CsafVex ? ContentFingerprint.SlimValue(false) : ContentFingerprint.SlimValue(_feedOptions.Slim);
        if (contentSource is null && Field(fields, "cve-slim") != (Field(fields, "cve").Length == 0 ? string.Empty : slim))
        {
            return false;
        }

        var version = await FeedVersionAsync(selection, Field(fields, "cve-version"), cancellationToken).ConfigureAwait(false);
        return Field(fields, "cve-version") == (version ?? string.Empty);
    }

    private async Task<string?> FeedVersionAsync(ScapContentSelection selection, string lastVersion, CancellationToken cancellationToken)
    {
        if (_feedOptions.Policy == CveFeedPolicy.Disabled)
        {
            return null;
        }

        var vexDirectory = selection.CveFeedFormat == CveFeedFormat.CsafVex && selection.CveFeed is { } vex ? VexFeedLocation.LocalDirectory(vex, _feedOptions.Mirrors) : null;
        var location = selection.CveFeedFormat == CveFeedFormat.CsafVex
            ? vexDirectory ?? (selection.CveFeed is null ? null : VexFeedLocation.Versioned(selection.CveFeed))
            : await _feedLocations.GetOrAdd(selection.DataStreamPath + "\n" + selection.CveFeed, _ => new Lazy<Task<string?>>(() => LocationAsync(selection))).Value.ConfigureAwait(false);
        if (location is null)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        if (_feedVersions.TryGetValue(location, out var known) && now - known.At < FeedRecheck)
        {
            return known.Version;
        }

        if (vexDirectory is not null)
        {
            // As the scanner versions it: by the listing, read without the feed cache (which fetches files).
            var listed = VexFeedLocation.DirectoryVersion(vexDirectory);
            _feedVersions[location] = (now, listed);
            return listed;
        }

        try
        {
            var feed = await _feeds.GetAsync(location, cancellationToken).ConfigureAwait(false);
            var version = new CveFeedUse(location, CveFeedUse.LocalFilesMode, feed.FromCache, feed.Stale, feed.LastModified, feed.ETag).Version;
            _feedVersions[location] = (now, version);
            return version;
        }
        catch (CveFeedException e)
        {
            // No evidence of a newer feed: a scan now would fall back the same way, so the last version stands.
            Log.FeedVersionUnavailable(_logger, Path.GetFileName(location), e.Message);
            return string.IsNullOrEmpty(lastVersion) ? null : lastVersion;
        }
    }

    private async Task<string?> LocationAsync(ScapContentSelection selection)
    {
        var dataStream = selection.DataStreamPath is null ? null : await _inspector.InspectAsync(selection.DataStreamPath, CancellationToken.None).ConfigureAwait(false);
        var remote = dataStream?.RemoteChecks.FirstOrDefault(c => c.RuleIds.Count > 0);
        return selection.CveFeed is null ? remote?.Url : CveFeedLocation.FromBase(selection.CveFeed, remote?.Url);
    }

    /// <summary>The digest a scan would put in <c>tailoring-sha256</c>, read again only when the file's length or time changed.</summary>
    private string? TailoringDigest(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return null;
        }

        var stamp = (info.Length, info.LastWriteTimeUtc);
        if (_tailorings.TryGetValue(path, out var known) && known.Stamp == stamp)
        {
            return known.Digest;
        }

        try
        {
            using var stream = info.OpenRead();
            var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
            _tailorings[path] = (stamp, digest);
            return digest;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable now: a scan would fail on it, so the last result is not current.
            return "unreadable";
        }
    }

    private static string Field(IReadOnlyDictionary<string, string> fields, string key) => fields.TryGetValue(key, out var value) ? value : string.Empty;
}
