using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using ManageIQ.OpenScap.Images.Manifests;
using ManageIQ.OpenScap.Images.Sources;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Images.Registry;

/// <summary>
/// The OCI distribution API for one repository: manifests with the right Accept header, blobs
/// streamed to disk with their sha256 checked, retries that resume with Range.
/// </summary>
internal sealed class RegistryClient(
    HttpClient http,
    RegistryEndpoint endpoint,
    ImageReference reference,
    RegistryAuthenticator authenticator,
    ImageAcquisitionOptions options,
    TimeProvider timeProvider,
    ILogger logger)
{
    private const int CopyBufferBytes = 256 * 1024;
    private const int MaxErrorBodyBytes = 64 * 1024;
    private const string IdleKey = ImageAcquisitionOptions.SectionName + ":" + nameof(ImageAcquisitionOptions.BlobIdleTimeout);

    public RegistryEndpoint Endpoint => endpoint;

    /// <summary>
    /// Finds the API's base address with <c>GET /v2/</c>: HTTPS first; for an insecure registry,
    /// HTTPS without certificate checks and then plain HTTP. Returns the challenge of a 401.
    /// </summary>
    public static async Task<(RegistryEndpoint Endpoint, AuthChallenge? Challenge)> PingAsync(
        HttpClient http, string registryHost, InsecureRegistries insecureRegistries, CancellationToken cancellationToken)
    {
        var insecureEntry = insecureRegistries.Find(registryHost);
        var insecure = insecureEntry is not null;
        var schemes = !insecure ? ["https"]
            : insecureEntry!.PlainHttpOnly ? ["http"]
            : new[] { "https", "http" };
        Exception? last = null;
        foreach (var scheme in schemes)
        {
            var baseUri = new Uri($"{scheme}://{registryHost}/");
            try
            {
                using var response = await http.GetAsync(new Uri(baseUri, "v2/"), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    var challenge = response.StatusCode == HttpStatusCode.Unauthorized ? AuthChallenge.From(response.Headers) : null;
                    return (new RegistryEndpoint(baseUri, insecure), challenge);
                }

                last = new SourceException(ImageAcquisitionFailure.RegistryUnavailable,
                    $"{baseUri}v2/ answered {(int)response.StatusCode} {response.ReasonPhrase}; it is not a Docker Registry v2 / OCI distribution API");
            }
            catch (HttpRequestException ex)
            {
                last = ex;
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                last = ex;
            }
        }

        throw last as SourceException ?? new SourceException(ImageAcquisitionFailure.RegistryUnavailable,
            $"registry {registryHost} cannot be reached over {string.Join(" or ", schemes.Select(s => s.ToUpperInvariant()))}: {last?.Message}", last);
    }

    public async Task<(byte[] Content, string? ContentType, string Digest)> GetManifestAsync(string manifestReference, CancellationToken cancellationToken)
    {
        var uri = ApiUri($"manifests/{manifestReference}");
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, uri);
            foreach (var type in MediaTypes.AcceptedManifests)
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
            }

            return request;
        }, $"manifest {manifestReference}", cancellationToken);
        var content = await BoundedBody.ReadAsync(response, options.MaxManifestBytes, options.BodyTimeout, "manifest", cancellationToken);
        if (DigestPin.IsDigest(manifestReference))
        {
            DigestPin.Parse(manifestReference).Verify(content, "manifest");
        }

        return (content, response.Content.Headers.ContentType?.MediaType, Digests.Sha256(content));
    }

    /// <summary>Fetches a small blob (the configuration) into memory, checking its digest and size.</summary>
    public async Task<byte[]> GetBlobBytesAsync(Descriptor descriptor, CancellationToken cancellationToken)
    {
        if (descriptor.Size > options.MaxManifestBytes)
        {
            throw new SourceException(ImageAcquisitionFailure.LimitExceeded, $"the configuration {descriptor.Digest} is larger than {options.MaxManifestBytes} bytes");
        }

        var uri = ApiUri($"blobs/{descriptor.Digest}");
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), $"blob {descriptor.Digest}", cancellationToken);
        var content = await BoundedBody.ReadAsync(response, options.MaxManifestBytes, options.BodyTimeout, "configuration", cancellationToken);
        var digest = Digests.Sha256(content);
        if (digest != descriptor.Digest || content.Length != descriptor.Size)
        {
            throw new SourceException(ImageAcquisitionFailure.DigestMismatch,
                $"blob {descriptor.Digest} ({descriptor.Size} bytes) arrived as {content.Length} bytes hashing to {digest}");
        }

        return content;
    }

    /// <summary>
    /// Streams a blob to <paramref name="destination"/>, hashing as it goes; an interrupted transfer
    /// resumes with <c>Range</c> where it stopped. The file appears only once its digest matched.
    /// </summary>
    public async Task DownloadBlobAsync(Descriptor descriptor, string destination, Action<long> bytesDone, CancellationToken cancellationToken)
    {
        var partial = destination + ".partial";
        var uri = ApiUri($"blobs/{descriptor.Digest}");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long offset = 0;
        var buffer = new byte[CopyBufferBytes];
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 0))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var resumeFrom = offset;
                    using var response = await SendAsync(() =>
                    {
                        var request = new HttpRequestMessage(HttpMethod.Get, uri);
                        if (resumeFrom > 0)
                        {
                            request.Headers.Range = new RangeHeaderValue(resumeFrom, null);
                        }

                        return request;
                    }, $"blob {descriptor.Digest}", cancellationToken);
                    if (resumeFrom > 0 && response.StatusCode != HttpStatusCode.PartialContent)
                    {
                        // The server ignored Range: start over.
                        file.SetLength(0);
                        file.Position = 0;
                        offset = 0;
                        hash.GetHashAndReset();
                    }

                    await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    int read;
                    while (true)
                    {
                        idle.CancelAfter(options.BlobIdleTimeout);
                        try
                        {
                            read = await body.ReadAsync(buffer, idle.Token);
                        }
                        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                        {
                            throw new TimeoutException($"no byte arrived for {options.BlobIdleTimeout} ({IdleKey})", ex);
                        }

                        if (read == 0)
                        {
                            break;
                        }

                        if (offset + read > descriptor.Size)
                        {
                            throw new SourceException(ImageAcquisitionFailure.DigestMismatch,
                                $"blob {descriptor.Digest} is longer than the {descriptor.Size} bytes its descriptor gives");
                        }

                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                        hash.AppendData(buffer, 0, read);
                        offset += read;
                        bytesDone(offset);
                    }

                    if (offset < descriptor.Size)
                    {
                        throw new IOException($"the transfer ended after {offset} of {descriptor.Size} bytes");
                    }

                    break;
                }
                catch (Exception ex) when (IsTransient(ex, cancellationToken) && attempt < options.MaxAttempts)
                {
                    Log.BlobRetry(logger, descriptor.Digest, offset, attempt, ex.Message);
                    await Task.Delay(Backoff(attempt), timeProvider, cancellationToken);
                }
                catch (TimeoutException ex)
                {
                    throw new SourceException(ImageAcquisitionFailure.RegistryUnavailable,
                        $"blob {descriptor.Digest} stalled at {offset} of {descriptor.Size} bytes: {ex.Message}, {attempt} attempts", ex);
                }
                catch (Exception ex) when (IsTransient(ex, cancellationToken))
                {
                    throw new SourceException(offset < descriptor.Size ? ImageAcquisitionFailure.DigestMismatch : ImageAcquisitionFailure.RegistryUnavailable,
                        $"blob {descriptor.Digest} is truncated: {offset} of {descriptor.Size} bytes after {attempt} attempts ({ex.Message})", ex);
                }
            }
        }

        var actual = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
        if (actual != descriptor.Digest)
        {
            File.Delete(partial);
            throw new SourceException(ImageAcquisitionFailure.DigestMismatch, $"blob {descriptor.Digest} hashes to {actual}");
        }

        File.Move(partial, destination, overwrite: true);
    }

    private Uri ApiUri(string path) => new(endpoint.BaseUri, $"v2/{reference.Repository}/{path}");

    /// <summary>Sends with authentication and retries of transient failures; returns only a successful response.</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest, string what, CancellationToken cancellationToken)
    {
        var challengesAnswered = 0;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage? response = null;
            try
            {
                using var request = createRequest();
                request.Headers.Authorization = authenticator.Header;
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized && challengesAnswered++ < 2)
                {
                    var challenge = AuthChallenge.From(response.Headers);
                    response.Dispose();
                    await authenticator.RespondAsync(challenge, cancellationToken);
                    attempt--;
                    continue;
                }

                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                if (IsTransientStatus(response.StatusCode) && attempt < options.MaxAttempts)
                {
                    Log.RequestRetry(logger, what, (int)response.StatusCode, attempt);
                    response.Dispose();
                    await Task.Delay(Backoff(attempt), timeProvider, cancellationToken);
                    continue;
                }

                throw await ToFailureAsync(response, what, cancellationToken);
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken) && attempt < options.MaxAttempts)
            {
                response?.Dispose();
                Log.RequestRetry(logger, what, 0, attempt);
                await Task.Delay(Backoff(attempt), timeProvider, cancellationToken);
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken))
            {
                response?.Dispose();
                throw new SourceException(ImageAcquisitionFailure.RegistryUnavailable, $"{what}: the registry failed {attempt} times ({ex.Message})", ex);
            }
            catch
            {
                response?.Dispose();
                throw;
            }
        }
    }

    private async Task<SourceException> ToFailureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var body = await BoundedBody.ReadPrefixAsync(response, MaxErrorBodyBytes, options.BodyTimeout, cancellationToken);
        var detail = RegistryErrorResponse.Describe(body);

        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}" + (detail.Length > 0 ? $" ({detail})" : string.Empty);
        var failure = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ImageAcquisitionFailure.Unauthorized,
            HttpStatusCode.NotFound => ImageAcquisitionFailure.NotFound,
            _ => ImageAcquisitionFailure.RegistryUnavailable,
        };
        var who = failure == ImageAcquisitionFailure.Unauthorized
            ? " with " + (authenticator.Credential?.ToString() ?? "anonymous access")
            : string.Empty;
        return new SourceException(failure, $"{what} of {reference.Name}{who}: the registry answered {status}");
    }

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(options.RetryDelay.TotalMilliseconds * Math.Pow(2, attempt - 1) * (0.8 + (0.4 * Random.Shared.NextDouble())));

    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or IOException or TimeoutException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
