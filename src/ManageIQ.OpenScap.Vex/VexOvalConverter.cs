using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Vex;

/// <summary>
/// Reads a VEX feed once per content (its sha256 keys the cached index) and writes each image's OVAL from the
/// index: the definitions test only the packages the image has, so the OVAL is small whatever the feed's size.
/// </summary>
internal sealed class VexOvalConverter(IOptions<VexOptions> options, TimeProvider timeProvider, ILogger<VexOvalConverter> logger) : IVexOvalConverter, IDisposable
{
    /// <summary>Bumped when the index's meaning changes, so old cached indexes are not reused.</summary>
    private const string IndexFormat = "vex-index-1";

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The last index of each feed key, with the file facts it was read at: scans in a row skip hashing and loading.</summary>
    private readonly Dictionary<string, (FeedStamp Stamp, string Digest, VexIndex Index)> recent = new(StringComparer.Ordinal);

    public void Dispose() => gate.Dispose();

    public async Task<VexConversion> ConvertAsync(VexConversionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (index, digest, fromCache) = await IndexAsync(request.FeedPath, request.FeedKey ?? request.FeedPath, request.CacheDirectory, cancellationToken).ConfigureAwait(false);
        var statements = index.ForMajor(request.Major).ToList();
        var settings = options.Value;
        if (!statements.Any(s => s.Status == VexPackageStatus.Fixed || settings.IncludeUnfixed))
        {
            // A feed that says nothing of this RHEL version is the wrong feed, not a clean image.
            throw new VexFormatException($"The VEX feed {request.FeedPath} ({index.Documents} documents) names no {(settings.IncludeUnfixed ? string.Empty : "fixed ")}RPM of a Red Hat Enterprise Linux {request.Major} main-stream product, so it cannot say which of the image's packages are vulnerable.");
        }

        var written = VexOvalWriter.Write(statements, request.Packages, request.Major, settings.IncludeUnfixed, request.OvalPath, timeProvider.GetUtcNow());
        Log.OvalWritten(logger, request.Major, written.Definitions, written.TestedPackages, statements.Count);
        return new VexConversion(index.Documents, statements.Count, written.Definitions, fromCache, digest);
    }

    private async Task<(VexIndex Index, string Digest, bool FromCache)> IndexAsync(string feed, string feedKey, string cacheDirectory, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stamp = FeedStamp.Of(feed);
            if (stamp is not null && recent.TryGetValue(feedKey, out var last) && last.Stamp == stamp)
            {
                Log.IndexFromCache(logger, feed, last.Digest);
                return (last.Index, last.Digest, true);
            }

            var (index, digest, fromCache) = await ReadOrParseAsync(feed, feedKey, cacheDirectory, cancellationToken).ConfigureAwait(false);
            if (stamp is not null)
            {
                recent[feedKey] = (stamp, digest, index);
            }

            return (index, digest, fromCache);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(VexIndex Index, string Digest, bool FromCache)> ReadOrParseAsync(string feed, string feedKey, string cacheDirectory, CancellationToken cancellationToken)
    {
        var digest = await DigestAsync(feed, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(cacheDirectory);
        var key = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(feedKey)))[..16];
        var cached = Path.Combine(cacheDirectory, $"{IndexFormat}-{key}-{digest[7..]}.json");
        if (File.Exists(cached) && ReadCached(cached) is { } known)
        {
            Log.IndexFromCache(logger, feed, digest);
            return (known, digest, true);
        }

        var clock = Stopwatch.StartNew();
        var index = await Task.Run(() => VexFeedReader.Read(feed, options.Value, cancellationToken), cancellationToken).ConfigureAwait(false);
        Log.FeedIndexed(logger, feed, digest, index.Documents, index.Statements.Count, clock.ElapsedMilliseconds);
        var partial = cached + ".partial";
        await using (var stream = File.Create(partial))
        {
            await JsonSerializer.SerializeAsync(stream, index, VexJsonContext.Default.VexIndex, cancellationToken).ConfigureAwait(false);
        }

        File.Move(partial, cached, overwrite: true);
        foreach (var old in Directory.EnumerateFiles(cacheDirectory, "vex-index-*.json").Where(f => f != cached && (Path.GetFileName(f).StartsWith($"{IndexFormat}-{key}-", StringComparison.Ordinal) || !Path.GetFileName(f).StartsWith(IndexFormat + "-", StringComparison.Ordinal))))
        {
            // One index per feed is kept, the newest; those of an older index format go too.
            File.Delete(old);
        }

        return (index, digest, false);
    }

    private VexIndex? ReadCached(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, VexJsonContext.Default.VexIndex);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            Log.CachedIndexUnreadable(logger, path, e.Message);
            return null;
        }
    }

    /// <summary>sha256 of a file's content; of a directory's sorted <c>.json</c> names, sizes and times.</summary>
    private static async Task<string> DigestAsync(string feed, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(feed))
        {
            foreach (var file in VexFeedDirectory.Documents(feed))
            {
                var info = new FileInfo(file);
                sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{Path.GetRelativePath(feed, file)}\0{info.Length}\0{info.LastWriteTimeUtc.Ticks}\n"));
            }
        }
        else
        {
            try
            {
                var stream = new FileStream(feed, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
                await using (stream.ConfigureAwait(false))
                {
                    var buffer = new byte[1 << 20];
                    int read;
                    while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        sha.AppendData(buffer, 0, read);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new VexFormatException($"The VEX feed {feed} cannot be read: {e.Message}", e);
            }
        }

        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
