using ManageIQ.OpenScap.Images.Sources;

namespace ManageIQ.OpenScap.Images.Registry;

/// <summary>
/// Reads a registry response body with a size cap and a time limit: HttpClient's own time-out ends when the
/// headers arrive, so without these a registry that stalls, or streams an endless chunked body, holds the scan.
/// </summary>
internal static class BoundedBody
{
    private const int ChunkBytes = 64 * 1024;
    private const string TimeoutKey = ImageAcquisitionOptions.SectionName + ":" + nameof(ImageAcquisitionOptions.BodyTimeout);

    /// <summary>The whole body; throws LimitExceeded past <paramref name="maxBytes"/> and RegistryUnavailable after <paramref name="timeLimit"/>.</summary>
    public static async Task<byte[]> ReadAsync(HttpResponseMessage response, int maxBytes, TimeSpan timeLimit, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(what, maxBytes);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeLimit);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(limit.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[Math.Min(ChunkBytes, maxBytes + 1)];
            int read;
            while ((read = await stream.ReadAsync(chunk, limit.Token)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw TooLarge(what, maxBytes);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceException(ImageAcquisitionFailure.RegistryUnavailable,
                $"the {what} did not arrive within {timeLimit} ({TimeoutKey})", ex);
        }
    }

    /// <summary>
    /// At most <paramref name="maxBytes"/> of an error body, for the failure message: whatever arrived within
    /// <paramref name="timeLimit"/>; the rest is never read.
    /// </summary>
    public static async Task<byte[]> ReadPrefixAsync(HttpResponseMessage response, int maxBytes, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeLimit);
        var buffer = new byte[maxBytes];
        var filled = 0;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(limit.Token);
            int read;
            while (filled < maxBytes && (read = await stream.ReadAsync(buffer.AsMemory(filled), limit.Token)) > 0)
            {
                filled += read;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The message is a courtesy: what arrived in time is enough.
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            // Likewise for a body cut off.
        }

        return buffer[..filled];
    }

    private static SourceException TooLarge(string what, int maxBytes) =>
        new(ImageAcquisitionFailure.LimitExceeded, $"the {what} is larger than {maxBytes} bytes");
}
