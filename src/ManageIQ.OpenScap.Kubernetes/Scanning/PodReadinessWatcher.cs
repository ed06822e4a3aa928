using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using ManageIQ.OpenScap.Kubernetes.Connections;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>
/// Waits for a scanning pod by watching it (one long-lived request, not a poll every 10 s as in ManageIQ):
/// resumes from the last resourceVersion after a disconnect, follows bookmarks, and re-reads the pod when the
/// server says that version is gone (410) or the watch went silent (<c>Kubernetes:WatchIdleTimeout</c>, enforced by
/// the client's deadline handler). Unschedulable pods are given <c>unschedulableLimit</c>, no more. Failures in a row,
/// streams closed without events included, are capped at <see cref="MaxConsecutiveWatchFailures"/>.
/// </summary>
internal sealed class PodReadinessWatcher(TimeProvider time, ILogger logger)
{
    public const int MaxConsecutiveWatchFailures = 8;
    private static readonly TimeSpan ServerWatchTimeout = TimeSpan.FromMinutes(5);

    public async Task<V1Pod> WaitUntilReadyAsync(ClusterConnection cluster, V1Pod created, TimeSpan unschedulableLimit, CancellationToken cancellationToken)
    {
        var name = created.Metadata.Name;
        var pod = created;
        var resourceVersion = created.Metadata.ResourceVersion;
        DateTimeOffset? unschedulableSince = null;
        var failures = 0;
        while (true)
        {
            var verdict = Evaluate(pod, unschedulableLimit, ref unschedulableSince);
            if (verdict.Kind == PodVerdictKind.Ready)
            {
                return pod;
            }

            if (verdict.Kind == PodVerdictKind.Failed)
            {
                throw new ScanPodException(verdict.Failure, $"Scanning pod {cluster.Namespace}/{name}: {verdict.Message}.") { PodName = name };
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (unschedulableSince is { } since)
            {
                // Nothing may change while the pod stays unschedulable: wake up to re-judge it when the limit passes.
                wait.CancelAfter(unschedulableLimit - (time.GetUtcNow() - since) + TimeSpan.FromMilliseconds(50));
            }

            var expired = false;
            var silent = false;
            var sawEvent = false;
            try
            {
                var events = cluster.Client.CoreV1.WatchListNamespacedPodAsync(
                    cluster.Namespace,
                    allowWatchBookmarks: true,
                    fieldSelector: $"metadata.name={name}",
                    resourceVersion: resourceVersion,
                    timeoutSeconds: (int)ServerWatchTimeout.TotalSeconds,
                    onError: e => expired |= e is KubernetesException { Status.Code: (int)HttpStatusCode.Gone },
                    cancellationToken: wait.Token);
                await foreach (var (type, item) in events)
                {
                    failures = 0;
                    sawEvent = true;
                    resourceVersion = item?.Metadata?.ResourceVersion ?? resourceVersion;
                    if (type == WatchEventType.Deleted)
                    {
                        throw new ScanPodException(ScanPodFailure.PodTerminated, $"Scanning pod {cluster.Namespace}/{name} was deleted before it was ready.") { PodName = name };
                    }

                    if (type is WatchEventType.Added or WatchEventType.Modified && item is not null)
                    {
                        pod = item;
                        if (Evaluate(pod, unschedulableLimit, ref unschedulableSince).Kind != PodVerdictKind.Waiting || unschedulableSince is not null)
                        {
                            break;
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                continue; // the unschedulable timer: judge the pod again
            }
            catch (KubernetesCallTimeoutException ex) when (ex.WatchWentSilent)
            {
                // Not even a bookmark for Kubernetes:WatchIdleTimeout: the connection may be dead. Catch up by reading the pod.
                Log.WatchSilent(logger, name, ex.Message);
                silent = true;
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                failures = await FailedAsync(cluster, name, failures, ex.Message, ex, cancellationToken);
                continue;
            }

            if (!sawEvent && !expired && !silent)
            {
                // A stream closed without a single event (proxy cutting it, server trouble): counted, capped, backed off.
                failures = await FailedAsync(cluster, name, failures, "the watch closed without events", null, cancellationToken);
            }

            if (expired || silent)
            {
                // Our resourceVersion is older than the server keeps, or the watch went quiet: read the pod afresh and watch from there.
                try
                {
                    pod = await ReadAsync(cluster, name, cancellationToken);
                    resourceVersion = pod.Metadata.ResourceVersion;
                }
                catch (Exception ex) when (IsTransient(ex))
                {
                    failures = await FailedAsync(cluster, name, failures, ex.Message, ex, cancellationToken);
                }
            }
        }
    }

    /// <summary>Failures a reconnect may heal: the connection, the API server's 5xx and 429, time-outs.</summary>
    private static bool IsTransient(Exception ex) =>
        ex is HttpRequestException or IOException or TimeoutException
            or HttpOperationException { Response.StatusCode: >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests };

    /// <summary>Counts one more failure in a row: past the cap the scan fails, otherwise the watcher backs off before reconnecting.</summary>
    private async Task<int> FailedAsync(ClusterConnection cluster, string name, int failures, string reason, Exception? exception, CancellationToken cancellationToken)
    {
        failures++;
        if (failures > MaxConsecutiveWatchFailures)
        {
            throw new ScanPodException(ScanPodFailure.ApiError, $"Watching scanning pod {cluster.Namespace}/{name} failed {failures} times in a row: {reason}", exception) { PodName = name };
        }

        Log.WatchReconnecting(logger, name, failures, reason);
        await Task.Delay(Backoff(failures), time, cancellationToken);
        return failures;
    }

    private PodVerdict Evaluate(V1Pod pod, TimeSpan unschedulableLimit, ref DateTimeOffset? unschedulableSince)
    {
        var verdict = PodStateClassifier.Classify(pod);
        if (verdict.Kind != PodVerdictKind.Waiting)
        {
            return verdict;
        }

        if (!PodStateClassifier.IsUnschedulable(pod))
        {
            unschedulableSince = null;
            return verdict;
        }

        var now = time.GetUtcNow();
        unschedulableSince ??= now;
        if (now - unschedulableSince.Value < unschedulableLimit)
        {
            return verdict;
        }

        var reason = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled")?.Message;
        return PodVerdict.Failed(ScanPodFailure.Unschedulable, $"the pod could not be scheduled for {unschedulableLimit}: {reason}");
    }

    private static async Task<V1Pod> ReadAsync(ClusterConnection cluster, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await cluster.Client.CoreV1.ReadNamespacedPodAsync(name, cluster.Namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ScanPodException(ScanPodFailure.PodTerminated, $"Scanning pod {cluster.Namespace}/{name} vanished before it was ready.", ex) { PodName = name };
        }
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * Math.Pow(2, failures - 1)) * (0.5 + (Random.Shared.NextDouble() / 2)));
}
