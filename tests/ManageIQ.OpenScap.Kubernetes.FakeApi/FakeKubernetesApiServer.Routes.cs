using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ManageIQ.OpenScap.Kubernetes.FakeApi;

public sealed partial class FakeKubernetesApiServer
{
    private void MapRoutes()
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !context.Response.HasStarted)
            {
                // A bug in the fake must show up in the test's message, not as a bare 500.
                await WriteStatusAsync(context, 500, "InternalError", $"fake API server failure: {ex}");
            }
        });
        app.Use(CountLeaseRequestsAsync);
        app.Use(async (context, next) =>
        {
            if (Faults.IsCutOff(BearerOf(context)))
            {
                Count("cut off");
                await WriteStatusAsync(context, 503, "ServiceUnavailable", "injected: this client is cut off");
                return;
            }

            if (Faults.TakeStall(context.Request.Method, context.Request.Path.Value + context.Request.QueryString) is { } afterHeaders)
            {
                await StallAsync(context, afterHeaders);
                return;
            }

            if (Faults.TakeFailure(context.Request.Method, context.Request.Path.Value ?? "") is { } status)
            {
                Count("injected failure");
                await WriteStatusAsync(context, status, "InternalError", "injected failure");
                return;
            }

            await next(context);
        });

        const string pods = "/api/v1/namespaces/{ns}/pods";
        app.MapPost(pods, CreatePodAsync);
        app.MapGet(pods, ListOrWatchPodsAsync);
        app.MapGet(pods + "/{name}", GetPodAsync);
        app.MapDelete(pods + "/{name}", DeletePodAsync);
        app.MapGet(pods + "/{name}/proxy/{**path}", ProxyAsync);
        app.MapGet("/api/v1/namespaces/{ns}/serviceaccounts/{name}", (HttpContext c, string ns, string name) =>
        {
            Count("get serviceaccount");
            return ServiceAccounts.TryGetValue((ns, name), out var sa) ? WriteAsync(c, 200, sa) : NotFoundAsync(c, "serviceaccounts", name);
        });
        MapSecrets();
        MapLeases();
        app.MapGet("/apis/image.openshift.io/v1/images/{name}", (HttpContext c, string name) =>
        {
            Count("get image");
            return IsOpenShift && Images.TryGetValue(name, out var image) ? WriteJsonAsync(c, 200, image.ToJsonString()) : NotFoundAsync(c, "images.image.openshift.io", name);
        });
        app.MapMethods("/apis/image.openshift.io/v1/images/{name}", ["PATCH"], PatchImageAsync);
    }

    private async Task CreatePodAsync(HttpContext context, string ns)
    {
        Count("create pod");
        var pod = KubernetesJson.Deserialize<V1Pod>(await ReadBodyAsync(context));
        if (pod?.Metadata?.Name is null || pod.Spec?.Containers is not { Count: > 0 })
        {
            await WriteStatusAsync(context, 422, "Invalid", "pod needs metadata.name and at least one container");
            return;
        }

        pod.Metadata.NamespaceProperty = ns;
        var stored = Pods.Add(pod);
        if (stored is null)
        {
            await WriteStatusAsync(context, 409, "AlreadyExists", $"pods \"{pod.Metadata.Name}\" already exists");
            return;
        }

        RecordPodCall(context, "create", stored);
        kubelet.Run(stored, Faults.BehaviorFor(stored), stopping.Token);
        await WriteAsync(context, 201, stored);
    }

    private Task GetPodAsync(HttpContext context, string ns, string name)
    {
        Count("get pod");
        return Pods.Get(ns, name) is { } pod ? WriteAsync(context, 200, pod) : NotFoundAsync(context, "pods", name);
    }

    private async Task ListOrWatchPodsAsync(HttpContext context, string ns)
    {
        var query = context.Request.Query;
        var selector = LabelSelector.Parse(query["labelSelector"]);
        var fieldName = FieldName(query["fieldSelector"]);
        bool Matches(V1Pod p) => p.Metadata.NamespaceProperty == ns && selector(p.Metadata) && (fieldName is null || p.Metadata.Name == fieldName);
        if (query["watch"] == "true" || query["watch"] == "1")
        {
            Count("watch pods");
            long? from = long.TryParse(query["resourceVersion"], CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;
            var seconds = int.TryParse(query["timeoutSeconds"], CultureInfo.InvariantCulture, out var t) ? t : 1800;
            await WatchAsync(context, from, Matches, query["allowWatchBookmarks"] == "true", TimeSpan.FromSeconds(seconds));
            return;
        }

        Count("list pods");
        var list = new V1PodList
        {
            ApiVersion = "v1",
            Kind = "PodList",
            Metadata = new V1ListMeta { ResourceVersion = Pods.CurrentResourceVersion.ToString(CultureInfo.InvariantCulture) },
            Items = [.. Pods.Pods.Where(Matches)],
        };
        await WriteAsync(context, 200, list);
    }

    private async Task DeletePodAsync(HttpContext context, string ns, string name)
    {
        Count("delete pod");
        if (Faults.TakeDeleteFailure())
        {
            await WriteStatusAsync(context, 500, "InternalError", "injected delete failure: etcdserver: request timed out");
            return;
        }

        V1DeleteOptions? options = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            options = KubernetesJson.Deserialize<V1DeleteOptions>(await ReadBodyAsync(context));
        }

        var pod = Pods.Get(ns, name);
        if (pod is null)
        {
            await NotFoundAsync(context, "pods", name);
            return;
        }

        if (options?.Preconditions?.Uid is { } uid && uid != pod.Metadata.Uid)
        {
            await WriteStatusAsync(context, 409, "Conflict", $"Precondition failed: UID in precondition: {uid}, UID in object meta: {pod.Metadata.Uid}");
            return;
        }

        if (Faults.SlowDeletes > TimeSpan.Zero)
        {
            Pods.Update(ns, name, p =>
            {
                p.Metadata.DeletionTimestamp ??= DateTime.UtcNow;
                p.Metadata.DeletionGracePeriodSeconds = options?.GracePeriodSeconds ?? 30;
            });
            var marked = Pods.Get(ns, name) ?? pod;
            RecordPodCall(context, "delete", marked);
            _ = RemoveLaterAsync(ns, name, marked.Metadata.Uid, Faults.SlowDeletes);
            await WriteAsync(context, 200, marked);
            return;
        }

        var removed = Pods.Remove(ns, name) ?? pod;
        RecordPodCall(context, "delete", removed);
        CollectSecretsOwnedBy(ns, removed.Metadata.Uid);
        await kubelet.RemovedAsync(removed);
        await WriteAsync(context, 200, removed);
    }

    private async Task RemoveLaterAsync(string ns, string name, string uid, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Pods.Get(ns, name)?.Metadata.Uid == uid && Pods.Remove(ns, name) is { } removed)
        {
            CollectSecretsOwnedBy(ns, uid);
            await kubelet.RemovedAsync(removed);
        }
    }

    private async Task ProxyAsync(HttpContext context, string ns, string name, string? path)
    {
        Count("proxy");
        var podName = name.Split(':')[0];
        var pod = Pods.Get(ns, podName);
        if (pod is null)
        {
            await NotFoundAsync(context, "pods", podName);
            return;
        }

        if (pod.Status?.Phase != "Running" || (ProxyTarget(pod) ?? kubelet.AddressOf(pod)) is not { } target)
        {
            await WriteStatusAsync(context, 503, "ServiceUnavailable", $"error trying to reach service: pod {podName} is not running");
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(target, (path ?? "") + context.Request.QueryString));
        request.Headers.TryAddWithoutValidation("X-Fake-Pod", $"{ns}/{podName}");
        if (context.Request.Headers["X-Auth-Token"].FirstOrDefault() is { } token)
        {
            request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        }

        if (kubelet.EnvironmentValue(pod, "INSPECTOR_AUTH_TOKEN") is { } expected)
        {
            request.Headers.TryAddWithoutValidation("X-Fake-Expected-Token", expected);
        }

        if (pod.Metadata.Annotations?.TryGetValue("manageiq.org/image-id", out var imageId) == true)
        {
            request.Headers.TryAddWithoutValidation("X-Fake-Image-Id", imageId);
        }

        try
        {
            using var response = await proxyClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        catch (HttpRequestException ex)
        {
            await WriteStatusAsync(context, 503, "ServiceUnavailable", $"error trying to reach service: {ex.Message}");
        }
    }

    private async Task PatchImageAsync(HttpContext context, string name)
    {
        Count("patch image");
        if (!IsOpenShift || !Images.TryGetValue(name, out var image))
        {
            await NotFoundAsync(context, "images.image.openshift.io", name);
            return;
        }

        var contentType = context.Request.ContentType ?? "";
        if (!contentType.StartsWith("application/merge-patch+json", StringComparison.Ordinal)
            && !contentType.StartsWith("application/strategic-merge-patch+json", StringComparison.Ordinal))
        {
            await WriteStatusAsync(context, 415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/merge-patch+json, application/strategic-merge-patch+json (got {contentType})");
            return;
        }

        var patch = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        lock (image)
        {
            JsonMergePatch.Apply(image, patch as JsonObject ?? []);
        }

        await WriteJsonAsync(context, 200, image.ToJsonString());
    }

    private async Task WatchAsync(HttpContext context, long? from, Func<V1Pod, bool> matches, bool bookmarks, TimeSpan timeout)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        if (Faults.CloseWatchesWithoutEvents)
        {
            Count("watch closed without events");
            var failure = StatusJson(500, "InternalError", "etcdserver: request timed out");
            await context.Response.WriteAsync($"{{\"type\":\"ERROR\",\"object\":{failure}}}\n", context.RequestAborted);
            return;
        }

        var channel = from is not null && Faults.TakeWatchExpiry() ? null : Pods.Subscribe(from);
        if (channel is null)
        {
            var gone = StatusJson(410, "Expired", $"too old resource version: {from}");
            await context.Response.WriteAsync($"{{\"type\":\"ERROR\",\"object\":{gone}}}\n", context.RequestAborted);
            return;
        }

        Interlocked.Increment(ref openWatches);
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        ends.CancelAfter(timeout);
        var sent = 0;
        try
        {
            await context.Response.Body.FlushAsync(ends.Token);
            while (!ends.IsCancellationRequested)
            {
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(ends.Token);
                tick.CancelAfter(Timings.BookmarkInterval);
                WatchEvent change;
                try
                {
                    change = await channel.Reader.ReadAsync(tick.Token);
                }
                catch (OperationCanceledException) when (!ends.IsCancellationRequested)
                {
                    if (bookmarks)
                    {
                        var mark = new V1Pod { ApiVersion = "v1", Kind = "Pod", Metadata = new V1ObjectMeta { ResourceVersion = Pods.CurrentResourceVersion.ToString(CultureInfo.InvariantCulture) } };
                        await WriteEventAsync(context, "BOOKMARK", mark, ends.Token);
                    }

                    continue;
                }

                if (!matches(change.Pod))
                {
                    continue;
                }

                await WriteEventAsync(context, change.Type, change.Pod, ends.Token);
                if (Faults.DisconnectWatchesAfterEvents > 0 && ++sent >= Faults.DisconnectWatchesAfterEvents)
                {
                    Count("watch disconnected");
                    // Let the client read what was sent, then drop the connection (an abort resets it, discarding unread data).
                    await Task.Delay(50, ends.Token);
                    context.Abort();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
        finally
        {
            Pods.Unsubscribe(channel);
            Interlocked.Decrement(ref openWatches);
        }
    }

    /// <summary>A half-open connection: nothing more comes until the client gives up (or the server stops).</summary>
    private async Task StallAsync(HttpContext context, bool afterHeaders)
    {
        Count("stalled");
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        try
        {
            if (afterHeaders)
            {
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"kind\":", ends.Token);
                await context.Response.Body.FlushAsync(ends.Token);
            }

            await Task.Delay(Timeout.Infinite, ends.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                Count("stall ended by the client");
            }
        }
    }

    private static async Task WriteEventAsync(HttpContext context, string type, V1Pod pod, CancellationToken cancellationToken)
    {
        await context.Response.WriteAsync($"{{\"type\":\"{type}\",\"object\":{KubernetesJson.Serialize(pod)}}}\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    private static string? FieldName(string? fieldSelector)
    {
        const string prefix = "metadata.name=";
        return fieldSelector is not null && fieldSelector.StartsWith(prefix, StringComparison.Ordinal) ? fieldSelector[prefix.Length..] : null;
    }

    private static Task WriteAsync(HttpContext context, int status, object body) => WriteJsonAsync(context, status, KubernetesJson.Serialize(body));

    private static async Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, Encoding.UTF8);
    }

    private static Task NotFoundAsync(HttpContext context, string kind, string name) =>
        WriteStatusAsync(context, 404, "NotFound", $"{kind} \"{name}\" not found");

    private static Task WriteStatusAsync(HttpContext context, int code, string reason, string message) =>
        WriteJsonAsync(context, code, StatusJson(code, reason, message));

    /// <summary>A metav1.Status (KubernetesClient cannot serialize V1Status itself).</summary>
    private static string StatusJson(int code, string reason, string message) => new JsonObject
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    }.ToJsonString();
}
