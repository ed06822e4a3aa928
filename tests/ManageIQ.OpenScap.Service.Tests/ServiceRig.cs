using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using ManageIQ.OpenScap.Service.Hosting;
using ManageIQ.OpenScap.Service.Observing;
using ManageIQ.OpenScap.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Service.Tests;

/// <summary>
/// The real path of <c>bridge serve</c>, in process: a loopback registry with Debian images, the ManageIQ emulator
/// (no images seeded) with its control routes, and the service host with the local backend and the real oscap,
/// its backend counted by <see cref="ScanCounter"/>.
/// </summary>
internal sealed class ServiceRig : IAsyncDisposable
{
    public const long Provider = 1;

    private readonly EmulatorClient _emulator;

    private ServiceRig(TempDirectory directory, LoopbackRegistry registry, ManageIqEmulator emulator)
    {
        Directory = directory;
        Registry = registry;
        Emulator = emulator;
        _emulator = new EmulatorClient(emulator.BaseUri);
    }

    public TempDirectory Directory { get; }

    public LoopbackRegistry Registry { get; }

    public ManageIqEmulator Emulator { get; }

    public ScanCounter Counter { get; } = new();

    /// <summary>Observers the service host is built with.</summary>
    public List<IServiceObserver> Observers { get; } = [];

    public string ConfigPath => Directory.Combine("appsettings.json");

    /// <summary>The rig; <paramref name="seed"/> changes the emulator's seed, <paramref name="apiVersion"/> the version it reports.</summary>
    public static async Task<ServiceRig> StartAsync(CancellationToken cancellationToken, JObject? config = null, Func<JObject, JObject>? seed = null, string? apiVersion = null)
    {
        var directory = new TempDirectory();
        var registry = await LoopbackRegistry.StartAsync(cancellationToken: cancellationToken);
        var emptied = EmulatorSeed.Default();
        emptied["container_images"] = new JArray();
        emptied["custom_attributes"] = new JArray();
        var options = new EmulatorOptions { Control = true, Seed = seed is null ? emptied : seed(emptied) };
        var emulator = await ManageIqEmulator.StartAsync(apiVersion is null ? options : new EmulatorOptions { Control = true, Seed = options.Seed, ApiVersion = apiVersion }, cancellationToken);
        var rig = new ServiceRig(directory, registry, emulator);
        rig.WriteConfig(config);
        return rig;
    }

    /// <summary>The service's configuration; <paramref name="extra"/> is merged over it.</summary>
    public void WriteConfig(JObject? extra) => WriteConfig(ConfigPath, extra);

    /// <summary>The service's configuration at <paramref name="path"/>; <paramref name="extra"/> is merged over it.</summary>
    public void WriteConfig(string path, JObject? extra)
    {
        var config = new JObject
        {
            ["ManageIq"] = new JObject
            {
                ["BaseUrl"] = Emulator.BaseUri.AbsoluteUri,
                ["User"] = "admin",
                ["Password"] = "smartvm",
                ["MaxRetries"] = 2,
                ["RetryBaseDelay"] = "00:00:00.020",
                ["RetryMaxDelay"] = "00:00:00.050",
                ["RequestTimeout"] = "00:00:20",
            },
            ["Bridge"] = new JObject
            {
                ["StateDirectory"] = Directory.Combine("state"),
                ["Backend"] = "local",
                ["Discovery"] = new JObject { ["Interval"] = "01:00:00" },
                ["Providers"] = new JObject { ["Mode"] = "list", ["Ids"] = new JArray(Provider) },
                ["Outbox"] = new JObject { ["RetryBaseDelay"] = "00:00:00.050", ["RetryMaxDelay"] = "00:00:00.100" },
                ["BackPressure"] = new JObject { ["PollInterval"] = "00:00:00.100", ["DeliveryInterval"] = "00:00:00.200" },
                ["Shutdown"] = new JObject { ["Grace"] = "00:00:01" },
            },
            ["Kestrel"] = new JObject { ["Endpoints"] = new JObject { ["Http"] = new JObject { ["Url"] = "http://127.0.0.1:0" } } },
            ["Logging"] = new JObject { ["LogLevel"] = new JObject { ["Default"] = "Warning" } },
            ["ImageAcquisition"] = new JObject { ["InsecureRegistries"] = new JArray(Registry.Host) },
            ["CveFeeds"] = new JObject { ["Policy"] = "Disabled", ["CacheDirectory"] = Directory.Combine("feeds") },
        };
        if (extra is not null)
        {
            config.Merge(extra, new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace });
        }

        File.WriteAllText(path, config.ToString());
    }

    /// <summary>Builds and starts the service host, every backend wrapped in a <see cref="RecordingBackend"/>.</summary>
    public Task<WebApplication> StartServiceAsync(CancellationToken cancellationToken) =>
        StartServiceAsync(ConfigPath, Counter, AddObservers, waitForWork: true, cancellationToken);

    /// <summary>Builds and starts the service host without waiting for its start gates.</summary>
    public Task<WebApplication> StartHostAsync(CancellationToken cancellationToken) =>
        StartServiceAsync(ConfigPath, Counter, AddObservers, waitForWork: false, cancellationToken);

    private void AddObservers(IServiceCollection services, IConfiguration configuration)
    {
        foreach (var observer in Observers)
        {
            services.AddSingleton(observer);
        }
    }

    /// <summary>
    /// Builds and starts a service host from <paramref name="configPath"/>: <paramref name="more"/> adds services
    /// (the verb's backends), then every backend is wrapped in a <see cref="RecordingBackend"/> counted by
    /// <paramref name="counter"/>. With <paramref name="waitForWork"/> it returns once the start gates opened.
    /// </summary>
    public static async Task<WebApplication> StartServiceAsync(string configPath, ScanCounter counter, Action<IServiceCollection, IConfiguration>? more, bool waitForWork, CancellationToken cancellationToken)
    {
        var builder = BridgeServiceHost.CreateBuilder(configPath, new Dictionary<string, string?>(), (services, configuration) =>
        {
            more?.Invoke(services, configuration);
            var backends = services.Where(d => d.ServiceType == typeof(IScanBackend)).ToList();
            foreach (var backend in backends)
            {
                services.Remove(backend);
                services.AddSingleton<IScanBackend>(sp => new RecordingBackend((IScanBackend)ActivatorUtilities.CreateInstance(sp, backend.ImplementationType!), counter));
            }
        });
        var app = BridgeServiceHost.Build(builder);
        await app.StartAsync(cancellationToken);
        if (waitForWork)
        {
            await app.Services.GetRequiredService<BridgeServiceRunner>().Started.WaitAsync(cancellationToken);
        }

        return app;
    }

    /// <summary>Pushes a synthetic Debian 12 image (its dpkg database as <paramref name="layout"/>), its own digest (a file names it), and returns it.</summary>
    public async Task<BuiltImage> PushDebianAsync(string repository, string tag, CancellationToken cancellationToken, DpkgLayout layout = DpkgLayout.StatusFile)
    {
        var root = Directory.Combine("roots", repository.Replace('/', '_') + "_" + tag + "_" + Guid.NewGuid().ToString("N")[..6]);
        SyntheticDebianRoot.Write(root, null, layout: layout);
        File.WriteAllText(Path.Combine(root, "etc", "image-name"), repository + ":" + tag + "\n");
        var image = new TestImage().Layer(TestLayer.FromDirectory(root)).Build();
        await Registry.PushAsync(repository, tag, image, cancellationToken);
        return image;
    }

    /// <summary>Adds the image to ManageIQ as a provider refresh would, pinned by its digest; returns its id.</summary>
    public Task<long> AddImageAsync(string repository, string tag, string digest, CancellationToken cancellationToken) =>
        _emulator.AddImageAsync(Registry.Host, Provider, repository, tag, digest, cancellationToken);

    public Task ArchiveAsync(long imageId, CancellationToken cancellationToken) => _emulator.ArchiveAsync(imageId, cancellationToken);

    public Task<Dictionary<string, string>> OpenScapAttributesAsync(long imageId, CancellationToken cancellationToken) => _emulator.OpenScapAttributesAsync(imageId, cancellationToken);

    public Task<bool?> LastComplianceStatusAsync(long imageId, CancellationToken cancellationToken) => _emulator.LastComplianceStatusAsync(imageId, cancellationToken);

    public Task<IReadOnlyList<JObject>> RequestsAsync(CancellationToken cancellationToken) => _emulator.RequestsAsync(cancellationToken);

    public Task ClearRequestsAsync(CancellationToken cancellationToken) => _emulator.ClearRequestsAsync(cancellationToken);

    public Task FaultAsync(string json, CancellationToken cancellationToken) => _emulator.FaultAsync(json, cancellationToken);

    public Task ClearFaultsAsync(CancellationToken cancellationToken) => _emulator.ClearFaultsAsync(cancellationToken);

    /// <summary>Writes to ManageIQ (anything but GET) in <paramref name="requests"/>, authentication left out.</summary>
    public static List<JObject> Writes(IEnumerable<JObject> requests) =>
        [.. requests.Where(r => r.Value<string>("method") != "GET" && !r.Value<string>("path")!.StartsWith("/api/auth", StringComparison.Ordinal))];

    /// <summary>Waits until <paramref name="condition"/> holds (the test's own time-out bounds the wait).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _emulator.Dispose();
        await Emulator.DisposeAsync();
        await Registry.DisposeAsync();
        Directory.Dispose();
    }
}
