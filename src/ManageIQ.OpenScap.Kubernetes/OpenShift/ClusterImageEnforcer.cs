using k8s.Autorest;
using ManageIQ.OpenScap.Compliance.Enforcement;
using ManageIQ.OpenScap.Kubernetes.Connections;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Kubernetes.OpenShift;

/// <summary>
/// <see cref="IImageEnforcer"/> on the configured clusters: the Image of an OpenShift provider's cluster gets the
/// deny-execution and policy annotations (<see cref="IImageAnnotator"/>, which skips plain Kubernetes with one line);
/// a provider no cluster serves is skipped with one line. What the cluster answers is logged, never thrown: the
/// verdict is already recorded and posted. Every call carries the cluster's deadline (KubernetesDeadlineHandler).
/// </summary>
internal sealed class ClusterImageEnforcer(IClusterConnections clusters, IImageAnnotator annotator, ILogger<ClusterImageEnforcer> logger) : IImageEnforcer
{
    public async Task EnforceAsync(ImageEnforcementRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var provider = new ProviderRef(request.ProviderId, null);
        if (!clusters.All.Any(c => c.Serves(provider)))
        {
            Log.EnforcementNoCluster(logger, request.Digest, request.ProviderId);
            return;
        }

        try
        {
            await annotator.AnnotateAsync(
                new ImageAnnotationRequest(provider, request.Digest, request.PolicyName, request.Compliant, SeverityCounts.From(request.FailedBySeverity), request.ScannedOn),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or KubernetesCallTimeoutException or ArgumentException)
        {
            Log.EnforcementFailed(logger, request.Digest, request.ProviderId, e.Message);
        }
    }
}
