using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ManageIQ.OpenScap.Scanner.Content;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>
/// A directory of downloaded feeds, each revalidated with If-None-Match / If-Modified-Since. The directory is
/// the process's own (<see cref="PrivateCacheDirectory"/>); files are written under partial names with
/// O_EXCL|O_NOFOLLOW and renamed into place.
/// </summary>
internal sealed class CveFeedCache(IHttpClientFactory httpClientFactory, IOptions<CveFeedOptions> options, TimeProvider timeProvider, ILogger<CveFeedCache> logger) : ICveFeedCache, IDisposable
{
    public const string HttpClientName = "cve-feeds";
    private const int MaxMetadataBytes = 64 * 1024;
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    public async Task<CveFeedFile> GetAsync(string location, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        location = CveFeedMirror.Apply(options.Value.Mirrors, location);
        if (!CveFeedLocation.IsUrl(location))
        {
            var file = new FileInfo(location);
            return file.Exists
                ? new CveFeedFile(location, file.FullName, FromCache: false, Stale: false, new DateTimeOffset(file.LastWriteTimeUtc), null)
                : throw new CveFeedException($"The CVE feed file {location} does not exist.");
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await FetchAsync(location, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<CveFeedFile> FetchAsync(string url, CancellationToken cancellationToken)
    {
        var paths = CachedFeedPaths.For(PrivateCacheDirectory.Ensure(options.Value.CacheDirectory), url);
        var feedPath = paths.Feed;
        var cached = ReadMetadata(paths, url);
        var shown = Redact(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.ParseAdd(options.Value.UserAgent);
        if (cached?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var parsedTag))
        {
            request.Headers.IfNoneMatch.Add(parsedTag);
        }

        if (cached?.LastModified is { } lastModified)
        {
            request.Headers.IfModifiedSince = lastModified;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Value.DownloadTimeout);
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
            {
                Log.CveFeedNotModified(logger, shown);
                return new CveFeedFile(url, feedPath, FromCache: true, Stale: false, cached.LastModified, cached.ETag);
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Fallback(url, feedPath, cached, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            await DownloadAsync(response, paths.FeedPartial, shown, limit.Token).ConfigureAwait(false);
            File.Move(paths.FeedPartial, feedPath, overwrite: true);
            var metadata = new CachedFeedMetadata(url, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified, timeProvider.GetUtcNow());
            await WriteMetadataAsync(paths, metadata).ConfigureAwait(false);
            var bytes = new FileInfo(feedPath).Length;
            Log.CveFeedDownloaded(logger, shown, bytes);
            return new CveFeedFile(url, feedPath, FromCache: false, Stale: false, metadata.LastModified, metadata.ETag);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fallback(url, feedPath, cached, $"the download did not finish within {options.Value.DownloadTimeout}");
        }
        catch (HttpRequestException e)
        {
            return Fallback(url, feedPath, cached, e.Message);
        }
        catch (IOException e)
        {
            return Fallback(url, feedPath, cached, e.Message);
        }
    }

    private async Task DownloadAsync(HttpResponseMessage response, string path, string shown, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxBytes;
        if (response.Content.Headers.ContentLength > max)
        {
            throw new IOException($"The CVE feed {shown} is larger than the {max}-byte limit.");
        }

        var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var target = PartialFile.Create(path);
            await using (target.ConfigureAwait(false))
            {
                var buffer = new byte[1 << 16];
                long total = 0;
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > max)
                    {
                        throw new IOException($"The CVE feed {shown} is larger than the {max}-byte limit.");
                    }

                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private CveFeedFile Fallback(string url, string feedPath, CachedFeedMetadata? cached, string reason)
    {
        var shown = Redact(url);
        if (cached is null)
        {
            throw new CveFeedException($"The CVE feed {shown} could not be downloaded: {reason}.");
        }

        Log.CveFeedStale(logger, shown, reason, cached.FetchedAt);
        return new CveFeedFile(url, feedPath, FromCache: true, Stale: true, cached.LastModified, cached.ETag);
    }

    private static async Task WriteMetadataAsync(CachedFeedPaths paths, CachedFeedMetadata metadata)
    {
        var target = PartialFile.Create(paths.MetadataPartial);
        await using (target.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(target, metadata, FeedJsonContext.Default.CachedFeedMetadata, CancellationToken.None).ConfigureAwait(false);
        }

        File.Move(paths.MetadataPartial, paths.Metadata, overwrite: true);
    }

    /// <summary>The validators of a cached copy, trusted only when both files are this user's regular files in the checked directory.</summary>
    private static CachedFeedMetadata? ReadMetadata(CachedFeedPaths paths, string url)
    {
        if (!PrivateCacheDirectory.IsOwnFile(paths.Feed) || !PrivateCacheDirectory.IsOwnFile(paths.Metadata) || new FileInfo(paths.Metadata).Length > MaxMetadataBytes)
        {
            return null;
        }

        try
        {
            var metadata = JsonSerializer.Deserialize(File.ReadAllText(paths.Metadata), FeedJsonContext.Default.CachedFeedMetadata);
            return metadata?.Url == url ? metadata : null;
        }
        catch (JsonException)
        {
            // A damaged sidecar only costs a full download.
            return null;
        }
    }

    /// <summary>Drops user information and the query from a URL shown in logs and messages.</summary>
    internal static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path).Replace(uri.UserInfo + "@", string.Empty, StringComparison.Ordinal) : url;
}
