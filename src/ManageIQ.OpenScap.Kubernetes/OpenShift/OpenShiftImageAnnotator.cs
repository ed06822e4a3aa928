using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using ManageIQ.OpenScap.Kubernetes.Connections;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Kubernetes.OpenShift;

/// <summary>
/// Patches the cluster-scoped <c>image.openshift.io/v1</c> Image named by the digest, as ManageIQ's annotation
/// action does, but on the right API group (ManageIQ's client may target config.openshift.io on OpenShift 4).
/// </summary>
internal sealed class OpenShiftImageAnnotator(IClusterConnections clusters, ILogger<OpenShiftImageAnnotator> logger) : IImageAnnotator
{
    public async Task<ImageAnnotationOutcome> AnnotateAsync(ImageAnnotationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.PolicyName);
        var cluster = clusters.Resolve(request.Provider);
        var digest = ImageDigest.Parse(request.ImageDigest);
        if (!cluster.IsOpenShift)
        {
            Log.AnnotationSkipped(logger, cluster.Name, digest);
            return ImageAnnotationOutcome.SkippedNotOpenShift;
        }

        var patch = ImageAnnotations.MergePatch(request);
        if (patch.ToJsonString().Length > ImageAnnotations.TotalSizeLimit)
        {
            throw new ArgumentException($"The annotations for image {digest} exceed Kubernetes' {ImageAnnotations.TotalSizeLimit}-byte limit (policy name too long?).", nameof(request));
        }

        try
        {
            await cluster.Client.CustomObjects.PatchClusterCustomObjectAsync(
                new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), "image.openshift.io", "v1", "images", digest, cancellationToken: cancellationToken);
            Log.ImageAnnotated(logger, cluster.Name, digest, request.PolicyName, request.Compliant);
            return ImageAnnotationOutcome.Annotated;
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            Log.AnnotationImageMissing(logger, cluster.Name, digest);
            return ImageAnnotationOutcome.ImageNotFound;
        }
    }
}
