using System.Collections.Concurrent;
using System.Text;
using k8s.Models;

namespace ManageIQ.OpenScap.Kubernetes.FakeApi;

/// <summary>Moves created pods through their phases, as the scheduler and kubelet would.</summary>
internal sealed class FakeKubelet(FakePodStore store, ConcurrentDictionary<(string Namespace, string Name), V1Secret> secrets, FakeTimings timings) : IDisposable
{
    private readonly ConcurrentDictionary<string, Uri> containers = new(StringComparer.Ordinal);
    private readonly HttpClient probes = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>Runs containers for real when set.</summary>
    public IFakeContainerRuntime? Runtime { get; set; }

    /// <summary>Where the pod's running container answers, when a runtime runs it.</summary>
    public Uri? AddressOf(V1Pod pod) => containers.TryGetValue(pod.Metadata.Uid, out var address) ? address : null;

    public void Dispose() => probes.Dispose();

    /// <summary>The pod is gone: its container stops.</summary>
    public async Task RemovedAsync(V1Pod pod)
    {
        if (Runtime is { } runtime && containers.TryRemove(pod.Metadata.Uid, out _))
        {
            await runtime.StopAsync(pod);
        }
    }

    /// <summary>A variable of the pod's container as the container sees it: a plain value, or read from a secret.</summary>
    public string? EnvironmentValue(V1Pod pod, string name)
    {
        var variable = pod.Spec.Containers[0].Env?.FirstOrDefault(e => e.Name == name);
        if (variable?.ValueFrom?.SecretKeyRef is { } reference)
        {
            return secrets.TryGetValue((pod.Metadata.NamespaceProperty, reference.Name), out var secret) && secret.Data?.TryGetValue(reference.Key, out var bytes) == true
                ? Encoding.UTF8.GetString(bytes)
                : null;
        }

        return variable?.Value;
    }

    /// <summary>As the kubelet: a variable read from a missing secret or key keeps the container from being created.</summary>
    private string? MissingSecret(V1Pod pod)
    {
        foreach (var reference in (pod.Spec.Containers[0].Env ?? []).Select(e => e.ValueFrom?.SecretKeyRef).OfType<V1SecretKeySelector>())
        {
            if (!secrets.TryGetValue((pod.Metadata.NamespaceProperty, reference.Name), out var secret))
            {
                return $"secret \"{reference.Name}\" not found";
            }

            if (secret.Data?.ContainsKey(reference.Key) != true)
            {
                return $"couldn't find key {reference.Key} in Secret {pod.Metadata.NamespaceProperty}/{reference.Name}";
            }
        }

        return null;
    }

    public void Run(V1Pod pod, PodBehavior behavior, CancellationToken stopping) =>
        _ = Task.Run(() => LiveAsync(pod.Metadata.NamespaceProperty, pod.Metadata.Name, pod.Metadata.Uid, pod.Spec?.ActiveDeadlineSeconds, behavior, ProbeWouldPass(pod), stopping), stopping);

    private async Task LiveAsync(string ns, string name, string uid, long? activeDeadlineSeconds, PodBehavior behavior, bool probePasses, CancellationToken stopping)
    {
        try
        {
            var deadline = activeDeadlineSeconds is { } s ? DateTime.UtcNow.AddSeconds(s) : DateTime.MaxValue;
            await Task.Delay(timings.Schedule, stopping);
            if (behavior == PodBehavior.Unschedulable)
            {
                Set(ns, name, uid, p => p.Status.Conditions = [Condition("PodScheduled", "False", "Unschedulable", "0/3 nodes are available: 3 Insufficient memory.")]);
                await ExpireAsync(ns, name, uid, deadline, stopping);
                return;
            }

            Set(ns, name, uid, p =>
            {
                p.Spec.NodeName = "fake-node-1";
                p.Status.Conditions = [Condition("PodScheduled", "True")];
                p.Status.ContainerStatuses = [Container(p, waiting: new V1ContainerStateWaiting { Reason = "ContainerCreating" })];
            });
            await Task.Delay(timings.Start, stopping);
            if (store.Get(ns, name) is { } scheduled && MissingSecret(scheduled) is { } missing)
            {
                Set(ns, name, uid, p => p.Status.ContainerStatuses = [Container(p, waiting: new V1ContainerStateWaiting { Reason = "CreateContainerConfigError", Message = missing })]);
                return;
            }

            switch (behavior)
            {
                case PodBehavior.ErrImagePull:
                case PodBehavior.ImagePullBackOff:
                    Set(ns, name, uid, p => p.Status.ContainerStatuses = [Container(p, waiting: new V1ContainerStateWaiting { Reason = "ErrImagePull", Message = "manifest unknown" })]);
                    if (behavior == PodBehavior.ImagePullBackOff)
                    {
                        await Task.Delay(timings.Start, stopping);
                        Set(ns, name, uid, p => p.Status.ContainerStatuses = [Container(p, waiting: new V1ContainerStateWaiting { Reason = "ImagePullBackOff", Message = "Back-off pulling image" })]);
                    }

                    break;
                case PodBehavior.CrashLoopBackOff:
                    Set(ns, name, uid, p => p.Status.ContainerStatuses = [Container(p, waiting: new V1ContainerStateWaiting { Reason = "CrashLoopBackOff", Message = "back-off 10s restarting failed container" })]);
                    break;
                case PodBehavior.OomKilled:
                    Set(ns, name, uid, p =>
                    {
                        p.Status.Phase = "Failed";
                        p.Status.ContainerStatuses = [Container(p, terminated: new V1ContainerStateTerminated { Reason = "OOMKilled", ExitCode = 137 })];
                    });
                    break;
                case PodBehavior.Evicted:
                    Set(ns, name, uid, p =>
                    {
                        p.Status.Phase = "Failed";
                        p.Status.Reason = "Evicted";
                        p.Status.Message = "Pod ephemeral local storage usage exceeds the total limit of containers 8Gi.";
                    });
                    break;
                case PodBehavior.DeadlineExceeded:
                    Set(ns, name, uid, DeadlineExceeded);
                    break;
                default:
                    Set(ns, name, uid, p =>
                    {
                        p.Status.Phase = "Running";
                        p.Status.PodIP = "10.128.0.10";
                        p.Status.ContainerStatuses = [Container(p, running: true)];
                    });
                    if (behavior == PodBehavior.BecomesReady && Runtime is { } runtime)
                    {
                        await RunContainerAsync(runtime, ns, name, uid, stopping);
                    }
                    else if (behavior == PodBehavior.BecomesReady && probePasses)
                    {
                        await Task.Delay(timings.Ready, stopping);
                        Set(ns, name, uid, p =>
                        {
                            p.Status.ContainerStatuses = [Container(p, running: true, ready: true)];
                            p.Status.Conditions = [Condition("PodScheduled", "True"), Condition("Ready", "True")];
                        });
                    }

                    await ExpireAsync(ns, name, uid, deadline, stopping);
                    break;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Starts the container, then marks the pod ready once its readiness probe, as the pod spec says it, passes.</summary>
    private async Task RunContainerAsync(IFakeContainerRuntime runtime, string ns, string name, string uid, CancellationToken stopping)
    {
        var pod = store.Get(ns, name);
        if (pod is null || pod.Metadata.Uid != uid)
        {
            return;
        }

        Uri address;
        try
        {
            address = await runtime.StartAsync(pod, stopping);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            Set(ns, name, uid, p =>
            {
                p.Status.Phase = "Failed";
                p.Status.ContainerStatuses = [Container(p, terminated: new V1ContainerStateTerminated { Reason = "Error", ExitCode = 1, Message = e.Message })];
            });
            return;
        }

        containers[uid] = address;
        var probe = pod.Spec.Containers[0].ReadinessProbe?.HttpGet;
        while (!stopping.IsCancellationRequested && store.Get(ns, name)?.Metadata.Uid == uid)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, probe?.Path ?? "/"));
            foreach (var header in probe?.HttpHeaders ?? [])
            {
                request.Headers.TryAddWithoutValidation(header.Name, header.Value);
            }

            try
            {
                using var response = await probes.SendAsync(request, stopping);
                if (response.IsSuccessStatusCode)
                {
                    Set(ns, name, uid, p =>
                    {
                        p.Status.ContainerStatuses = [Container(p, running: true, ready: true)];
                        p.Status.Conditions = [Condition("PodScheduled", "True"), Condition("Ready", "True")];
                    });
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet, or gone: the probe fails and is tried again.
            }
            catch (TaskCanceledException) when (!stopping.IsCancellationRequested)
            {
            }

            await Task.Delay(timings.Ready, stopping);
        }
    }

    /// <summary>
    /// The probe must ask the inspector's /readyz, which the inspector serves without its token (it says nothing but
    /// "ready"): a probe anywhere else never passes, and the pod never becomes ready.
    /// </summary>
    private static bool ProbeWouldPass(V1Pod pod) => pod.Spec.Containers[0].ReadinessProbe?.HttpGet?.Path == "/readyz";

    /// <summary>activeDeadlineSeconds: the kubelet fails a pod that is still there when it passes.</summary>
    private async Task ExpireAsync(string ns, string name, string uid, DateTime deadline, CancellationToken stopping)
    {
        if (deadline == DateTime.MaxValue)
        {
            return;
        }

        var wait = deadline - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, stopping);
        }

        Set(ns, name, uid, DeadlineExceeded);
    }

    private void Set(string ns, string name, string uid, Action<V1Pod> change) =>
        store.Update(ns, name, p =>
        {
            // A pod deleted and re-created under the same name is another pod: leave it alone.
            if (p.Metadata.Uid == uid && p.Metadata.DeletionTimestamp is null)
            {
                change(p);
            }
        });

    private static void DeadlineExceeded(V1Pod p)
    {
        p.Status.Phase = "Failed";
        p.Status.Reason = "DeadlineExceeded";
        p.Status.Message = "Pod was active on the node longer than the specified deadline";
        p.Status.ContainerStatuses = [Container(p, terminated: new V1ContainerStateTerminated { Reason = "Error", ExitCode = 137 })];
    }

    private static V1PodCondition Condition(string type, string status, string? reason = null, string? message = null) =>
        new() { Type = type, Status = status, Reason = reason, Message = message, LastTransitionTime = DateTime.UtcNow };

    private static V1ContainerStatus Container(V1Pod pod, V1ContainerStateWaiting? waiting = null, V1ContainerStateTerminated? terminated = null, bool running = false, bool ready = false) => new()
    {
        Name = pod.Spec.Containers[0].Name,
        Image = pod.Spec.Containers[0].Image,
        ImageID = "",
        Ready = ready,
        RestartCount = 0,
        Started = running,
        State = new V1ContainerState
        {
            Waiting = waiting,
            Terminated = terminated,
            Running = running ? new V1ContainerStateRunning { StartedAt = DateTime.UtcNow } : null,
        },
    };
}
