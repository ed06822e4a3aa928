using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ManageIQ.OpenScap.Scanner.Content;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>A directory of downloaded feeds, each revalidated with If-None-Match / If-Modified-Since.</summary>
internal sealed class CveFeedCache(IHttpClientFactory httpClientFactory, IOptions<CveFeedOptions> options, TimeProvider timeProvider, ILogger<CveFeedCache> logger) : ICveFeedCache, IDisposable
{
    public const string HttpClientName = "cve-feeds";
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    public async Task<CveFeedFile> GetAsync(string location, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
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
        var directory = Directory.CreateDirectory(options.Value.CacheDirectory).FullName;
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..32];
        var feedPath = Path.Combine(directory, key + ".feed");
        var metadataPath = Path.Combine(directory, key + ".json");
        var cached = ReadMetadata(feedPath, metadataPath, url);
        var shown = Redact(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
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

            var temporary = feedPath + ".part";
            await DownloadAsync(response, temporary, shown, limit.Token).ConfigureAwait(false);
            File.Move(temporary, feedPath, overwrite: true);
            var metadata = new CachedFeedMetadata(url, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified, timeProvider.GetUtcNow());
            await File.WriteAllTextAsync(metadataPath, JsonSerializer.Serialize(metadata, FeedJsonContext.Default.CachedFeedMetadata), CancellationToken.None).ConfigureAwait(false);
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
            var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
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

    private static CachedFeedMetadata? ReadMetadata(string feedPath, string metadataPath, string url)
    {
        if (!File.Exists(feedPath) || !File.Exists(metadataPath))
        {
            return null;
        }

        try
        {
            var metadata = JsonSerializer.Deserialize(File.ReadAllText(metadataPath), FeedJsonContext.Default.CachedFeedMetadata);
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
