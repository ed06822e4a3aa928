using k8s;
using k8s.Models;
using ManageIQ.OpenScap.Bridge.Hosting;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.Kubernetes.DependencyInjection;
using ManageIQ.OpenScap.Kubernetes.FakeApi;
using ManageIQ.OpenScap.Kubernetes.Pods;
using ManageIQ.OpenScap.Service.Dispatch;
using ManageIQ.OpenScap.Service.Hosting;
using ManageIQ.OpenScap.State.Queue;
using ManageIQ.OpenScap.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Service.Tests.Kubernetes;

/// <summary>
/// <c>bridge serve</c> with the kubernetes backend, in process: the pieces of <see cref="ServiceRig"/> (loopback
/// registry, ManageIQ emulator) and the fake Kubernetes API, whose scanning pods run the real inspector process and
/// the real oscap. Each bridge is wired as <c>serve</c> wires it (<see cref="ServeHostExtensions.AddServeBackends"/>:
/// the Lease and the kubernetes backend with its orphan sweep), with its own configuration file, state directory and
/// bearer token; its Lease client is the one thing put in by the test, pointed at the fake under
/// <see cref="LeaseGuardServiceCollectionExtensions.LeaseClientKey"/>, because the in-cluster client reads the
/// service account's files under /var/run/secrets and speaks https only.
/// </summary>
internal sealed class KubernetesServiceRig : IAsyncDisposable
{
    public const string Namespace = "management-infra";

    /// <summary>The bridges' scanning pods and secrets carry this owner label.</summary>
    public const string OwnerId = "e2e-bridge";

    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromMilliseconds(250);

    /// <summary>The bound of every wait: each is a poll for a state, never a measure of speed.</summary>
    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(3);

    private KubernetesServiceRig(ServiceRig service, FakeKubernetesApiServer api, InspectorProcessRuntime inspectors)
    {
        Service = service;
        Api = api;
        Inspectors = inspectors;
    }

    public ServiceRig Service { get; }

    public FakeKubernetesApiServer Api { get; }

    public InspectorProcessRuntime Inspectors { get; }

    /// <summary>Who holds the bridges' Lease now, as the fake stores it.</summary>
    public string? LeaseHolder => Api.LeaseHolder(Namespace, LeadershipOptions.DefaultLeaseName);

    /// <summary>The scanning pods the fake holds.</summary>
    public IReadOnlyList<V1Pod> ScanPods => [.. Api.Pods.Pods.Where(p => p.Metadata.Labels?.TryGetValue(ScanPodMetadata.OwnerLabel, out var owner) == true && owner == OwnerId)];

    /// <summary>The per-scan secrets the fake holds.</summary>
    public IReadOnlyList<V1Secret> ScanSecrets => [.. Api.SecretsLabelled(ScanPodMetadata.OwnerLabel)];

    public static async Task<KubernetesServiceRig> StartAsync(CancellationToken cancellationToken)
    {
        var service = await ServiceRig.StartAsync(cancellationToken);
        var api = await FakeKubernetesApiServer.StartAsync(new FakeTimings { Ready = TimeSpan.FromMilliseconds(250) });
        var inspectors = new InspectorProcessRuntime(
            Path.Combine(TestContext.CurrentContext.TestDirectory, "ManageIQ.OpenScap.Inspector.dll"), service.Directory.Combine("pods"), ScanPodMetadata.ScratchPath);
        for (var i = 0; i < ScapContent.SearchDirectories.Count; i++)
        {
            inspectors.Environment[$"{InspectorWire.EnvironmentPrefix}ScapContent__SearchDirectories__{i}"] = ScapContent.SearchDirectories[i];
        }

        // As the bridge's own CveFeeds:Policy: no feed is fetched, so nothing leaves this machine.
        inspectors.Environment[$"{InspectorWire.EnvironmentPrefix}CveFeeds__Policy"] = "Disabled";
        inspectors.Secrets = (ns, name) => api.Secrets.TryGetValue((ns, name), out var secret) ? secret : null;
        api.ContainerRuntime = inspectors;
        return new KubernetesServiceRig(service, api, inspectors);
    }

    /// <summary>
    /// A bridge's files: its token (the fake tells its calls apart by it), and its configuration: the kubernetes
    /// backend on the fake for provider 1 (an OpenShift cluster when the fake is one), the Lease with short timings, its own state directory, at most two scans
    /// at once. <paramref name="extra"/> is merged over it.
    /// </summary>
    public KubernetesBridge NewBridge(string name, JObject? extra = null)
    {
        var token = name + "-token";
        var tokenFile = Service.Directory.Combine(name + ".token");
        File.WriteAllText(tokenFile, token + "\n");
        var bridge = new KubernetesBridge(name, token, Service.Directory.Combine(name + ".json"));
        var config = new JObject
        {
            ["Bridge"] = new JObject
            {
                ["StateDirectory"] = Service.Directory.Combine(name, "state"),
                ["Backend"] = "kubernetes",
                ["Limits"] = new JObject { ["PerProvider"] = 2, ["Global"] = 2 },
                ["Leadership"] = new JObject
                {
                    ["Mode"] = "lease",
                    ["Identity"] = name,
                    ["Namespace"] = Namespace,
                    ["LeaseDuration"] = LeaseDuration.ToString(),
                    ["RenewDeadline"] = RenewDeadline.ToString(),
                    ["RetryPeriod"] = RetryPeriod.ToString(),
                },
            },
            ["Kubernetes"] = new JObject
            {
                ["OwnerId"] = OwnerId,
                ["OrphanSweepInterval"] = "00:00:02",
                ["CleanupTimeout"] = "00:00:05",
                ["Clusters"] = new JArray(new JObject
                {
                    ["Name"] = "fake",
                    ["ProviderId"] = ServiceRig.Provider.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Mode"] = "Token",
                    ["ApiUrl"] = Api.BaseUri.ToString(),
                    ["TokenFile"] = tokenFile,
                    ["Platform"] = Api.IsOpenShift ? "OpenShift" : "Kubernetes",
                    ["Namespace"] = Namespace,
                }),
                ["Pod"] = new JObject { ["ScanTimeout"] = "00:05:00", ["InsecureRegistries"] = new JArray(Service.Registry.Host) },
            },
        };
        if (extra is not null)
        {
            config.Merge(extra, new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace });
        }

        Service.WriteConfig(bridge.ConfigPath, config);
        return bridge;
    }

    /// <summary>
    /// Starts the bridge's service host as <c>bridge serve</c> builds it. With <paramref name="waitForWork"/> it returns
    /// once the start gates opened (it holds the Lease); without, at once (a standby waits behind its gate).
    /// </summary>
    public Task<WebApplication> StartAsync(KubernetesBridge bridge, bool waitForWork, CancellationToken cancellationToken) =>
        ServiceRig.StartServiceAsync(bridge.ConfigPath, bridge.Counter, (services, configuration) =>
        {
            services.AddKeyedSingleton<IKubernetes>(LeaseGuardServiceCollectionExtensions.LeaseClientKey, (_, _) =>
                new k8s.Kubernetes(new KubernetesClientConfiguration { Host = Api.BaseUri.ToString(), AccessToken = bridge.Token }));
            ServeHostExtensions.AddServeBackends(services, configuration);
        }, waitForWork, cancellationToken);

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> after a bound.</summary>
    public static Task WaitUntilAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken) =>
        WaitUntilAsync(condition, () => what, cancellationToken);

    /// <summary>Waits until <paramref name="condition"/> holds, failing after a bound with what <paramref name="what"/> says then.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string> what, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(WaitLimit);
        try
        {
            while (!await condition())
            {
                await Task.Delay(50, bound.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"Not within {WaitLimit}: {what()}");
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition, string what, CancellationToken cancellationToken) =>
        WaitUntilAsync(() => Task.FromResult(condition()), what, cancellationToken);

    /// <summary>Until the bridge's dispatcher runs nothing and its queue holds nothing queued.</summary>
    public static Task WaitIdleAsync(WebApplication app, CancellationToken cancellationToken)
    {
        var queue = app.Services.GetRequiredService<IScanQueue>();
        var dispatcher = app.Services.GetRequiredService<ScanDispatcher>();
        return WaitUntilAsync(async () => dispatcher.Running == 0 && (await queue.ListAsync(ScanState.Queued, 1, cancellationToken)).Count == 0, "the bridge is idle", cancellationToken);
    }

    /// <summary>The status and body of the bridge's <c>/readyz</c>.</summary>
    public static async Task<(int Status, JObject Body)> ReadyAsync(WebApplication app, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Address(app)) };
        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), cancellationToken);
        return ((int)response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync(cancellationToken)));
    }

    public static BridgeServiceRunner Runner(WebApplication app) => app.Services.GetRequiredService<BridgeServiceRunner>();

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Inspectors.DisposeAsync();
        await Service.DisposeAsync();
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}

/// <summary>One bridge of the rig: its identity in the Lease, the bearer token of its calls, its configuration file, its scans.</summary>
internal sealed record KubernetesBridge(string Name, string Token, string ConfigPath)
{
    public ScanCounter Counter { get; } = new();
}
