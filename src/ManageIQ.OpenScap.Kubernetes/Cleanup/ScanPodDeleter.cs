using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using ManageIQ.OpenScap.Kubernetes.Connections;

namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>
/// Deletes a scanning pod only if it is still the very pod this job created: the delete carries the pod's uid as a
/// precondition, which the API server checks atomically (ManageIQ's GET-then-DELETE could race a new pod).
/// </summary>
internal static class ScanPodDeleter
{
    private const long GracePeriodSeconds = 1;

    public static async Task<PodDeleteOutcome> DeleteAsync(ClusterConnection cluster, string podName, string? uid, CancellationToken cancellationToken)
    {
        var options = new V1DeleteOptions
        {
            GracePeriodSeconds = GracePeriodSeconds,
            PropagationPolicy = "Background",
            Preconditions = uid is null ? null : new V1Preconditions { Uid = uid },
        };
        try
        {
            await cluster.Client.CoreV1.DeleteNamespacedPodAsync(podName, cluster.Namespace, options, cancellationToken: cancellationToken);
            return PodDeleteOutcome.Deleted;
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return PodDeleteOutcome.AlreadyGone;
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            return PodDeleteOutcome.NotOurs;
        }
    }
}
