using System.Net;
using k8s.Autorest;

namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>
/// When a failed delete is worth another try: the API server or the path to it failing (5xx, 429, time-outs, cut
/// connections) may heal; a refusal (401, 403, 400, 422) will not, so it is given up after <c>MaxDeleteAttempts</c>.
/// </summary>
internal static class DeleteRetryPolicy
{
    public static bool IsTransient(Exception exception) =>
        exception is not HttpOperationException { Response.StatusCode: var status }
        || (int)status >= 500
        || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;

    public static bool GivesUp(Exception exception, int attempts, int maxAttempts) => !IsTransient(exception) && attempts >= maxAttempts;

    /// <summary>The HTTP status of a refusal, or null for a failure without an answer.</summary>
    public static int? StatusOf(Exception exception) =>
        exception is HttpOperationException { Response: { } response } ? (int)response.StatusCode : null;
}
