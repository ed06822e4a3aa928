using System.Security.Cryptography;
using System.Text;
using ManageIQ.OpenScap.Kubernetes.Connections;
using ManageIQ.OpenScap.Kubernetes.DependencyInjection;
using ManageIQ.OpenScap.Kubernetes.FakeApi;
using ManageIQ.OpenScap.Kubernetes.Scanning;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Support;

/// <summary>
/// A fake API server, a fake inspector behind its pod proxy, and the library wired by <c>AddKubernetesScanning</c>
/// against them over real HTTP. Each harness is one "bridge process"; <see cref="NewProcess"/> makes another.
/// </summary>
internal sealed class ScanHarness : IAsyncDisposable
{
    public const string Namespace = "management-infra";
    public static readonly ProviderRef Provider = new("7", "OpenShift Fake");

    private ScanHarness(FakeKubernetesApiServer api, FakeInspectorServer inspector, TempDirectory temp)
    {
        Api = api;
        Inspector = inspector;
        Temp = temp;
        File.WriteAllText(TokenFile, "fake-bearer-token\n");
    }

    public FakeKubernetesApiServer Api { get; }

    public FakeInspectorServer Inspector { get; }

    public TempDirectory Temp { get; }

    public FakeLogCollector Logs { get; } = new();

    public string TokenFile => Temp.Combine("token");

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>Leaves <c>Kubernetes:Clusters</c> out of <see cref="Configuration"/>: a bridge configured to scan locally.</summary>
    public bool WithoutClusters { get; set; }

    public static async Task<ScanHarness> StartAsync(FakeTimings? timings = null)
    {
        var api = await FakeKubernetesApiServer.StartAsync(timings);
        var inspector = await FakeInspectorServer.StartAsync();
        api.ProxyTarget = _ => inspector.BaseUri;
        return new ScanHarness(api, inspector, new TempDirectory("miq-k8s-test-"));
    }

    /// <summary>The configuration a bridge would have, pointing at the fake; tests adjust <see cref="Settings"/> first.</summary>
    public IConfiguration Configuration()
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Kubernetes:Clusters:0:Name"] = "fake",
            ["Kubernetes:Clusters:0:ProviderId"] = Provider.Id,
            ["Kubernetes:Clusters:0:ProviderName"] = Provider.Name,
            ["Kubernetes:Clusters:0:Mode"] = "Token",
            ["Kubernetes:Clusters:0:ApiUrl"] = Api.BaseUri.ToString(),
            ["Kubernetes:Clusters:0:TokenFile"] = TokenFile,
            ["Kubernetes:Clusters:0:Platform"] = Api.IsOpenShift ? "OpenShift" : "Kubernetes",
            ["Kubernetes:Clusters:0:Namespace"] = Namespace,
            ["Kubernetes:Pod:ScanTimeout"] = "00:00:30",
            ["Kubernetes:Pod:UnschedulableLimit"] = "00:00:01",
            ["Kubernetes:OrphanSweepInterval"] = "00:00:00.200",
            ["Kubernetes:CleanupTimeout"] = "00:00:05",
        };
        if (WithoutClusters)
        {
            foreach (var key in values.Keys.Where(k => k.StartsWith("Kubernetes:Clusters:", StringComparison.Ordinal)).ToList())
            {
                values.Remove(key);
            }
        }

        foreach (var (key, value) in Settings)
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>A new "bridge process": its own DI container, clients, registry of running scans and pending deletes.</summary>
    public ServiceProvider NewProcess()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(Logs)));
        services.AddKubernetesScanning(Configuration());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public ScanPodRequest Request(string jobId) =>
        new(jobId, Provider, "registry.example/app:1.0", "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(jobId))), Temp.Combine("out", jobId));

    /// <summary>Waits, bounded, until the fake holds no pod; true when it emptied.</summary>
    public async Task<bool> WaitForNoPodsAsync(TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (Api.Pods.Pods.Count > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(25);
        }

        return Api.Pods.Pods.Count == 0;
    }

    public async ValueTask DisposeAsync()
    {
        await Inspector.DisposeAsync();
        await Api.DisposeAsync();
        Temp.Dispose();
    }
}
