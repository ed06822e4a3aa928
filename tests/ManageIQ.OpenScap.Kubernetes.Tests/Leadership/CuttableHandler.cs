namespace ManageIQ.OpenScap.Kubernetes.Tests.Leadership;

/// <summary>One replica's network: while <see cref="IsCut"/>, every request fails as to an unreachable host (a killed or partitioned replica).</summary>
internal sealed class CuttableHandler : DelegatingHandler
{
    public bool IsCut { get; set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        IsCut ? Task.FromException<HttpResponseMessage>(new HttpRequestException("connection refused (cut by the test)")) : base.SendAsync(request, cancellationToken);
}
