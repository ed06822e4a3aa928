using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Packages;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Vex;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>
/// For a distribution whose CVE feed is CSAF VEX: fetches the feed like any other (mirrors, cache, ETag; Red Hat's
/// <c>archive_latest.txt</c> followed to the archive it names; a local directory used as it is) and converts it
/// into OVAL for this image's packages, which oscap then evaluates on its own (<c>oscap oval eval</c>).
/// </summary>
internal sealed class VexFeedPreparer(IVexOvalConverter converter, ICveFeedCache feedCache, IOptions<CveFeedOptions> feedOptions, ILogger<VexFeedPreparer> logger)
{
    /// <summary>Red Hat's pointer file: one line naming the newest archive beside it.</summary>
    internal const string LatestPointer = "archive_latest.txt";

    private const int MaxPointerBytes = 1024;

    /// <summary>Adds the converted feed to <paramref name="prepared"/> (prepared without a feed).</summary>
    /// <exception cref="CveFeedException">The feed cannot be fetched (under the required policy) or is not a VEX feed.</exception>
    public async Task<PreparedEvaluation> AddAsync(PreparedEvaluation prepared, ImageScanRequest request, ScapContentSelection content, PackageInventory inventory, OsRelease? osRelease, string oscapWork, CancellationToken cancellationToken)
    {
        var policy = request.CveFeedPolicy ?? feedOptions.Value.Policy;
        if (policy == CveFeedPolicy.Disabled || content.CveFeed is not { } location)
        {
            return prepared;
        }

        var major = osRelease?.VersionId?.Split('.')[0];
        if (string.IsNullOrEmpty(major))
        {
            throw new CveFeedException($"The CSAF VEX feed {Shown(location)} is per RHEL version, and the image's os-release has no VERSION_ID.");
        }

        CveFeedFile feed;
        string fetched;
        CveFeedFile versioned;
        try
        {
            (feed, fetched, versioned) = await FetchAsync(location, cancellationToken).ConfigureAwait(false);
        }
        catch (CveFeedException e) when (policy == CveFeedPolicy.Optional)
        {
            Log.CveFeedUnavailable(logger, e.Message);
            return prepared with { Notes = [.. prepared.Notes, e.Message + " The scan ran without CVE results."] };
        }

        var ovalPath = Path.Combine(oscapWork, "cve-feed.xml");
        var indexDirectory = PrivateCacheDirectory.Ensure(Path.Combine(feedOptions.Value.CacheDirectory, "vex-index"));
        VexConversion conversion;
        try
        {
            conversion = await converter.ConvertAsync(
                new VexConversionRequest
                {
                    FeedPath = feed.Path,
                    FeedKey = location,
                    CacheDirectory = indexDirectory,
                    Major = major,
                    Packages = inventory.Listed ? inventory.Packages : null,
                    OvalPath = ovalPath,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (VexFormatException e)
        {
            throw new CveFeedException($"The CSAF VEX feed {Shown(fetched)} cannot be used: {e.Message}", e);
        }

        if (fetched != location)
        {
            ForgetOlderArchive(indexDirectory, location, fetched);
        }

        var shown = Shown(fetched);
        Log.VexFeedConverted(logger, shown, conversion.Documents, conversion.Definitions, conversion.FromCache);
        List<string> notes = [.. prepared.Notes, $"CVE feed: CSAF VEX {shown} ({conversion.Documents} documents, {conversion.Statements} RPM statements for RHEL {major}), converted into {conversion.Definitions} OVAL definitions for the image's packages."];
        if (feed.Stale)
        {
            notes.Add($"The CVE feed {Shown(location)} could not be refreshed; a cached copy was used.");
        }

        if (!inventory.Listed)
        {
            notes.Add($"The image's RPM database ({inventory.Source}) is not one the scanner lists itself, so the VEX feed's own package names were tested as binary names: binary packages whose source RPM has another name (openssl-libs from openssl) are not tested where the feed names their source RPM.");
        }

        // The version is what discovery's fingerprint prediction reads of the location: the pointer's ETag (through
        // archive_latest.txt), or a directory's listing (VexDirectoryVersion).
        var directory = Directory.Exists(feed.Path);
        var use = new CveFeedUse(Shown(location), CveFeedUse.OvalEvalMode, feed.FromCache, feed.Stale, versioned.LastModified, directory ? VexFeedLocation.DirectoryVersion(feed.Path) : versioned.ETag);
        return prepared with { SeparateOvalFeed = ovalPath, Feed = use, Notes = notes };
    }

    /// <summary>
    /// The feed on disk, the location it was fetched as (the archive a pointer names) before mirroring, and the
    /// file whose ETag and time version it (the pointer itself, when there is one). A location that names no file
    /// (a provider's <c>cve_url</c> base, image-inspector's meaning) gets Red Hat's pointer name appended.
    /// </summary>
    private async Task<(CveFeedFile Feed, string Location, CveFeedFile Versioned)> FetchAsync(string location, CancellationToken cancellationToken)
    {
        if (VexFeedLocation.LocalDirectory(location, feedOptions.Value.Mirrors) is { } mirrored)
        {
            var directory = new CveFeedFile(location, mirrored, FromCache: false, Stale: false, new DateTimeOffset(Directory.GetLastWriteTimeUtc(mirrored)), null);
            return (directory, location, directory);
        }

        location = VexFeedLocation.Versioned(location);

        var feed = await feedCache.GetAsync(location, cancellationToken).ConfigureAwait(false);
        if (!Path.GetFileName(CveFeedLocation.IsUrl(location) ? new Uri(location).AbsolutePath : location).Equals(LatestPointer, StringComparison.Ordinal))
        {
            return (feed, location, feed);
        }

        var archive = ArchiveLocation(location, await ReadPointerAsync(feed.Path, location, cancellationToken).ConfigureAwait(false));
        var fetched = await feedCache.GetAsync(archive, cancellationToken).ConfigureAwait(false);
        return (fetched with { Stale = fetched.Stale || feed.Stale }, archive, feed);
    }

    private static string Shown(string location) => CveFeedLocation.IsUrl(location) ? CveFeedCache.Redact(location) : location;

    /// <summary>
    /// A pointer names a new archive every day, each cached under its own URL: the one it named before is deleted
    /// from the download cache once a scan has used the new one, so the cache holds one archive per pointer.
    /// </summary>
    private void ForgetOlderArchive(string indexDirectory, string pointer, string archive)
    {
        var record = Path.Combine(indexDirectory, "pointer-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(pointer)))[..16] + ".txt");
        var previous = PrivateCacheDirectory.IsOwnFile(record) && new FileInfo(record).Length <= 4096 ? File.ReadAllText(record) : null;
        if (previous is not null && previous != archive && CveFeedMirror.Apply(feedOptions.Value.Mirrors, previous) is var mirrored && CveFeedLocation.IsUrl(mirrored))
        {
            var paths = CachedFeedPaths.For(PrivateCacheDirectory.Ensure(feedOptions.Value.CacheDirectory), mirrored);
            File.Delete(paths.Feed);
            File.Delete(paths.Metadata);
            var (was, now) = (Shown(previous), Shown(archive));
            Log.VexArchiveForgotten(logger, was, now);
        }

        File.WriteAllText(record, archive);
    }

    private static async Task<string> ReadPointerAsync(string path, string location, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var name = bytes.Length <= MaxPointerBytes ? System.Text.Encoding.UTF8.GetString(bytes).Trim() : string.Empty;
        return name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') && !name.StartsWith('.')
            ? name
            : throw new CveFeedException($"{Shown(location)} does not name an archive file (one line, a plain file name, at most {MaxPointerBytes} bytes).");
    }

    /// <summary>The archive named by the pointer, beside it: the same URL directory (so the mirrors apply alike) or directory.</summary>
    private static string ArchiveLocation(string pointer, string name) =>
        CveFeedLocation.IsUrl(pointer) ? new Uri(new Uri(pointer), name).ToString() : Path.Combine(Path.GetDirectoryName(pointer)!, name);
}
