using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using ManageIQ.OpenScap.Kubernetes.Connections;

namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>
/// Deletes a scanning pod, or its secret, only if it is still the very object this job created: the delete carries
/// the uid as a precondition, which the API server checks atomically (ManageIQ's GET-then-DELETE could race a new pod).
/// </summary>
internal static class ScanPodDeleter
{
    private const long GracePeriodSeconds = 1;

    public static Task<PodDeleteOutcome> DeleteAsync(ClusterConnection cluster, string podName, string? uid, CancellationToken cancellationToken) =>
        OutcomeOf(() => cluster.Client.CoreV1.DeleteNamespacedPodAsync(podName, cluster.Namespace, Options(uid, GracePeriodSeconds), cancellationToken: cancellationToken));

    /// <summary>Deletes the pod's secret (same name as the pod).</summary>
    public static Task<PodDeleteOutcome> DeleteSecretAsync(ClusterConnection cluster, string secretName, string? uid, CancellationToken cancellationToken) =>
        OutcomeOf(() => cluster.Client.CoreV1.DeleteNamespacedSecretAsync(secretName, cluster.Namespace, Options(uid, null), cancellationToken: cancellationToken));

    private static V1DeleteOptions Options(string? uid, long? gracePeriodSeconds) => new()
    {
        GracePeriodSeconds = gracePeriodSeconds,
        PropagationPolicy = "Background",
        Preconditions = uid is null ? null : new V1Preconditions { Uid = uid },
    };

    private static async Task<PodDeleteOutcome> OutcomeOf(Func<Task> delete)
    {
        try
        {
            await delete();
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
