using System.Collections.Concurrent;
using System.Net;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Kubernetes.FakeApi;

/// <summary>
/// A fake Kubernetes API server on 127.0.0.1:0 that the real KubernetesClient talks to over HTTP: pods (create, get,
/// list, watch with resourceVersion and bookmarks, delete with uid preconditions and grace), the pod proxy forwarded
/// to a local HTTP process, service accounts, secrets (create, get, list, patch, delete, collected with their owner
/// pod), OpenShift images (get, merge patch) and Leases (get, create, replace with resourceVersion conflicts).
/// Faults stall requests, cut or silence watches, fail calls and race Lease writes.
/// </summary>
public sealed partial class FakeKubernetesApiServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, int> requestsByKind = new(StringComparer.Ordinal);
    private readonly FakeKubelet kubelet;
    private readonly HttpClient proxyClient = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private int requestCount;
    private int openWatches;

    private FakeKubernetesApiServer(WebApplication app, FakeTimings timings)
    {
        this.app = app;
        Timings = timings;
        kubelet = new FakeKubelet(Pods, Secrets, timings);
    }

    public Uri BaseUri { get; private set; } = null!;

    public FakePodStore Pods { get; } = new();

    public FakeFaults Faults { get; } = new();

    public FakeTimings Timings { get; }

    /// <summary>When false the cluster is plain Kubernetes: the image.openshift.io group answers 404.</summary>
    public bool IsOpenShift { get; set; }

    /// <summary>Where <c>pods/NAME:PORT/proxy/...</c> goes for a pod: the base address of its "container".</summary>
    public Func<V1Pod, Uri?> ProxyTarget { get; set; } = _ => null;

    /// <summary>
    /// Runs created pods' containers for real (the pod proxy then forwards to them unless <see cref="ProxyTarget"/>
    /// names another address); null keeps the simulated pods.
    /// </summary>
    public IFakeContainerRuntime? ContainerRuntime
    {
        get => kubelet.Runtime;
        set => kubelet.Runtime = value;
    }

    /// <summary>Service accounts by namespace and name.</summary>
    public ConcurrentDictionary<(string Namespace, string Name), V1ServiceAccount> ServiceAccounts { get; } = new();

    /// <summary>Secrets by namespace and name.</summary>
    public ConcurrentDictionary<(string Namespace, string Name), V1Secret> Secrets { get; } = new();

    /// <summary>OpenShift Image objects (cluster-scoped) by name, as JSON.</summary>
    public ConcurrentDictionary<string, System.Text.Json.Nodes.JsonObject> Images { get; } = new(StringComparer.Ordinal);

    public int RequestCount => Volatile.Read(ref requestCount);

    public int OpenWatches => Volatile.Read(ref openWatches);

    /// <summary>Requests by kind ("create pod", "watch pods", "proxy", ...).</summary>
    public IReadOnlyDictionary<string, int> RequestsByKind => new Dictionary<string, int>(requestsByKind, StringComparer.Ordinal);

    public static async Task<FakeKubernetesApiServer> StartAsync(FakeTimings? timings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("FAKE_KUBE_DEBUG") == "1")
        {
            builder.Logging.AddSimpleConsole();
        }

        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1AndHttp2));
        var server = new FakeKubernetesApiServer(builder.Build(), timings ?? new FakeTimings());
        server.MapRoutes();
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    public void ResetCounters()
    {
        Interlocked.Exchange(ref requestCount, 0);
        Interlocked.Exchange(ref leaseRequestCount, 0);
        requestsByKind.Clear();
        Pods.ResetPeak();
    }

    /// <summary>Adds the inspector-admin style service account with pull secrets of the given types.</summary>
    public void AddServiceAccount(string ns, string name, params (string Name, string Type)[] pullSecrets)
    {
        ServiceAccounts[(ns, name)] = new V1ServiceAccount
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            ImagePullSecrets = [.. pullSecrets.Select(s => new V1LocalObjectReference { Name = s.Name })],
        };
        foreach (var (secretName, type) in pullSecrets)
        {
            var key = type == "kubernetes.io/dockercfg" ? ".dockercfg" : ".dockerconfigjson";
            Secrets[(ns, secretName)] = new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = secretName, NamespaceProperty = ns },
                Type = type,
                Data = new Dictionary<string, byte[]> { [key] = "{\"auths\":{}}"u8.ToArray() },
            };
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        using (var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await app.StopAsync(bounded.Token);
        }

        await app.DisposeAsync();
        proxyClient.Dispose();
        kubelet.Dispose();
        stopping.Dispose();
    }

    private void Count(string kind)
    {
        Interlocked.Increment(ref requestCount);
        requestsByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }
}
