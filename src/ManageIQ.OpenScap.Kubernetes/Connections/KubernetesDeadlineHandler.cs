using ManageIQ.OpenScap.Kubernetes.Configuration;

namespace ManageIQ.OpenScap.Kubernetes.Connections;

/// <summary>
/// Puts a deadline on every request a cluster client sends, so a half-open connection can never hang a caller:
/// a plain request must finish, body included, within <c>RequestTimeout</c>; a watch must answer within it and then
/// deliver something every <c>WatchIdleTimeout</c>; a proxy call must answer within <c>ProxyTimeout</c> and then
/// deliver a byte every <c>ProxyIdleTimeout</c>. The client's own HttpClient time-out stays infinite for the watches.
/// </summary>
internal sealed class KubernetesDeadlineHandler(string cluster, KubernetesScanningOptions options, TimeProvider time) : DelegatingHandler
{
    /// <summary>API answers (pod lists, objects) are small; a bigger one is garbage and is not buffered.</summary>
    public const long MaxResponseBytes = 64L * 1024 * 1024;

    public static KubernetesCallKind KindOf(Uri? uri)
    {
        var path = uri?.AbsolutePath ?? "";
        if (path.Contains("/proxy/", StringComparison.Ordinal) || path.EndsWith("/proxy", StringComparison.Ordinal))
        {
            return KubernetesCallKind.Proxy;
        }

        var query = uri?.Query ?? "";
        return query.Contains("watch=true", StringComparison.OrdinalIgnoreCase) || query.Contains("watch=1", StringComparison.Ordinal)
            ? KubernetesCallKind.Watch
            : KubernetesCallKind.Request;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = KindOf(request.RequestUri);
        var (limit, key) = kind == KubernetesCallKind.Proxy
            ? (options.ProxyTimeout, "Kubernetes:ProxyTimeout")
            : (options.RequestTimeout, "Kubernetes:RequestTimeout");
        var call = $"{request.Method} {request.RequestUri?.AbsolutePath}";
        using var deadline = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);
            if (kind == KubernetesCallKind.Request)
            {
                // Read the whole answer under the same deadline: a body that stalls after the headers ends here too.
                await response.Content.LoadIntoBufferAsync(MaxResponseBytes, linked.Token).ConfigureAwait(false);
                return response;
            }
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new KubernetesCallTimeoutException($"{call} on cluster '{cluster}' did not complete within {limit} ({key}).", ex);
        }
        catch
        {
            response?.Dispose();
            throw;
        }

        var (idle, idleKey) = kind == KubernetesCallKind.Watch
            ? (options.WatchIdleTimeout, "Kubernetes:WatchIdleTimeout")
            : (options.ProxyIdleTimeout, "Kubernetes:ProxyIdleTimeout");
        var what = kind == KubernetesCallKind.Watch
            ? $"The watch {call} on cluster '{cluster}' delivered nothing for {idle} ({idleKey})"
            : $"{call} on cluster '{cluster}' delivered no data for {idle} ({idleKey})";
        response.Content = new IdleDeadlineContent(response.Content, new IdleDeadline(idle, what, kind == KubernetesCallKind.Watch, time));
        return response;
    }
}
