using System.Net;
using System.Text.Json;
using k8s.Autorest;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Kubernetes.Connections;
using ManageIQ.OpenScap.Kubernetes.Pods;
using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>
/// Talks to the inspector through the API server's pod proxy (<c>/api/v1/namespaces/NS/pods/NAME:8080/proxy/...</c>),
/// so the bridge needs no network path to pods. Large answers are streamed to files, never held in memory.
/// </summary>
internal static class InspectorProxyClient
{
    /// <summary>Metadata and summary are small JSON documents; anything bigger is garbage, not a result.</summary>
    private const int MaxJsonBytes = 16 * 1024 * 1024;

    public static async Task<InspectorMetadata> GetMetadataAsync(ClusterConnection cluster, string pod, string authToken, CancellationToken cancellationToken)
    {
        await using var stream = await OpenAsync(cluster, pod, InspectorPaths.Metadata, authToken, cancellationToken);
        try
        {
            return InspectorJson.DeserializeMetadata(await ReadBoundedAsync(stream, cancellationToken));
        }
        catch (JsonException ex)
        {
            throw new ScanPodException(ScanPodFailure.InspectorError, $"Inspector in pod {pod} answered {InspectorPaths.Metadata} with invalid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Reads the summary and keeps its JSON in <paramref name="path"/>, as the inspector wrote it.</summary>
    public static async Task<ScapSummary> GetSummaryAsync(ClusterConnection cluster, string pod, string path, string authToken, CancellationToken cancellationToken)
    {
        await using var stream = await OpenAsync(cluster, pod, InspectorPaths.Summary, authToken, cancellationToken);
        var json = await ReadBoundedAsync(stream, cancellationToken);
        ScapSummary summary;
        try
        {
            summary = ScapSummaryJson.Deserialize(System.Text.Encoding.UTF8.GetString(json));
        }
        catch (JsonException ex)
        {
            throw new ScanPodException(ScanPodFailure.InspectorError, $"Inspector in pod {pod} answered {InspectorPaths.Summary} with invalid JSON: {ex.Message}", ex);
        }

        await File.WriteAllBytesAsync(path, json, cancellationToken);
        return summary;
    }

    /// <summary>
    /// Streams one endpoint into <paramref name="path"/>, at most <paramref name="limit"/> bytes (the pod ran oscap
    /// over hostile content); a partial file is removed on failure.
    /// </summary>
    public static async Task DownloadAsync(ClusterConnection cluster, string pod, string endpoint, string path, string authToken, DownloadLimit limit, CancellationToken cancellationToken)
    {
        try
        {
            await using var source = await OpenAsync(cluster, pod, endpoint, authToken, cancellationToken);
            await using var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > limit.MaxBytes)
                {
                    throw new ScanPodException(
                        ScanPodFailure.InspectorError,
                        $"GET {endpoint} from the inspector in pod {cluster.Namespace}/{pod} served more than {limit.MaxBytes} bytes ({limit.SettingKey}); the download was stopped and the partial file removed.") { PodName = pod };
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static async Task<Stream> OpenAsync(ClusterConnection cluster, string pod, string endpoint, string authToken, CancellationToken cancellationToken)
    {
        try
        {
            // The API server's proxy passes this header on: only callers that created the pod can read its results.
            var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [InspectorWire.AuthTokenHeader] = [authToken] };
            var response = await cluster.Client.CoreV1.ConnectGetNamespacedPodProxyWithPathWithHttpMessagesAsync(
                $"{pod}:{ScanPodMetadata.InspectorPort}", cluster.Namespace, InspectorPaths.Relative(endpoint), customHeaders: headers, cancellationToken: cancellationToken);
            return response.Body;
        }
        catch (HttpOperationException ex)
        {
            var body = ex.Response?.Content is { Length: > 0 } content ? content[..Math.Min(content.Length, 300)] : "";
            throw new ScanPodException(
                ScanPodFailure.InspectorError,
                $"GET {endpoint} from the inspector in pod {cluster.Namespace}/{pod} through the API server proxy answered {(int?)ex.Response?.StatusCode} {ex.Response?.StatusCode}: {body}",
                ex) { PodName = pod };
        }
        catch (HttpRequestException ex)
        {
            throw new ScanPodException(ScanPodFailure.ApiError, $"GET {endpoint} from pod {cluster.Namespace}/{pod} failed: {ex.Message}", ex) { PodName = pod };
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxJsonBytes)
            {
                throw new ScanPodException(ScanPodFailure.InspectorError, $"Inspector answer is larger than {MaxJsonBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>True when the proxy answered 404 (an endpoint the inspector does not serve).</summary>
    public static bool IsNotFound(ScanPodException ex) =>
        ex.InnerException is HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound };
}
