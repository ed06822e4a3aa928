namespace ManageIQ.OpenScap.Kubernetes.Leadership;

/// <summary>Reads every answer into memory, refusing one longer than <paramref name="maxBytes"/>, under the caller's token.</summary>
internal sealed class BoundedResponseHandler(long maxBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await response.Content.LoadIntoBufferAsync(maxBytes, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
