using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using ManageIQ.OpenScap.Service.Hosting;
using ManageIQ.OpenScap.Testing;
using Microsoft.AspNetCore.Builder;
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

    private readonly HttpClient _api;
    private readonly HttpClient _control;

    private ServiceRig(TempDirectory directory, LoopbackRegistry registry, ManageIqEmulator emulator)
    {
        Directory = directory;
        Registry = registry;
        Emulator = emulator;
        _api = new HttpClient { BaseAddress = emulator.BaseUri };
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:smartvm")));
        _control = new HttpClient { BaseAddress = emulator.BaseUri };
    }

    public TempDirectory Directory { get; }

    public LoopbackRegistry Registry { get; }

    public ManageIqEmulator Emulator { get; }

    public ScanCounter Counter { get; } = new();

    public string ConfigPath => Directory.Combine("appsettings.json");

    public static async Task<ServiceRig> StartAsync(CancellationToken cancellationToken, JObject? config = null)
    {
        var directory = new TempDirectory();
        var registry = await LoopbackRegistry.StartAsync(cancellationToken: cancellationToken);
        var seed = EmulatorSeed.Default();
        seed["container_images"] = new JArray();
        seed["custom_attributes"] = new JArray();
        var emulator = await ManageIqEmulator.StartAsync(new EmulatorOptions { Control = true, Seed = seed }, cancellationToken);
        var rig = new ServiceRig(directory, registry, emulator);
        rig.WriteConfig(config);
        return rig;
    }

    /// <summary>The service's configuration; <paramref name="extra"/> is merged over it.</summary>
    public void WriteConfig(JObject? extra)
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

        File.WriteAllText(ConfigPath, config.ToString());
    }

    /// <summary>Builds and starts the service host, every backend wrapped in a <see cref="RecordingBackend"/>.</summary>
    public async Task<WebApplication> StartServiceAsync(CancellationToken cancellationToken)
    {
        var builder = BridgeServiceHost.CreateBuilder(ConfigPath, new Dictionary<string, string?>(), (services, _) =>
        {
            var backends = services.Where(d => d.ServiceType == typeof(IScanBackend)).ToList();
            foreach (var backend in backends)
            {
                services.Remove(backend);
                services.AddSingleton<IScanBackend>(sp => new RecordingBackend((IScanBackend)ActivatorUtilities.CreateInstance(sp, backend.ImplementationType!), Counter));
            }
        });
        var app = BridgeServiceHost.Build(builder);
        await app.StartAsync(cancellationToken);
        await app.Services.GetRequiredService<BridgeServiceRunner>().Started.WaitAsync(cancellationToken);
        return app;
    }

    /// <summary>Pushes a synthetic Debian 12 image, its own digest (a file names it), and returns it.</summary>
    public async Task<BuiltImage> PushDebianAsync(string repository, string tag, CancellationToken cancellationToken)
    {
        var root = Directory.Combine("roots", repository.Replace('/', '_') + "_" + tag + "_" + Guid.NewGuid().ToString("N")[..6]);
        SyntheticDebianRoot.Write(root, null);
        File.WriteAllText(Path.Combine(root, "etc", "image-name"), repository + ":" + tag + "\n");
        var image = new TestImage().Layer(TestLayer.FromDirectory(root)).Build();
        await Registry.PushAsync(repository, tag, image, cancellationToken);
        return image;
    }

    /// <summary>Adds the image to ManageIQ as a provider refresh would, pinned by its digest; returns its id.</summary>
    public async Task<long> AddImageAsync(string repository, string tag, string digest, CancellationToken cancellationToken)
    {
        var body = new JObject
        {
            ["name"] = repository,
            ["tag"] = tag,
            ["digest"] = digest,
            ["image_ref"] = $"docker-pullable://{Registry.Host}/{repository}@{digest}",
            ["ems_id"] = Provider,
        };
        using var answer = await _control.PostAsync("/emulator/container_images", Json(body), cancellationToken);
        var text = await answer.Content.ReadAsStringAsync(cancellationToken);
        Assert.That((int)answer.StatusCode, Is.EqualTo(200), text);
        return long.Parse(JObject.Parse(text).Value<string>("id")!, CultureInfo.InvariantCulture);
    }

    public async Task ArchiveAsync(long imageId, CancellationToken cancellationToken)
    {
        using var answer = await _control.PostAsync($"/emulator/container_images/{imageId}/archive", Json([]), cancellationToken);
        Assert.That((int)answer.StatusCode, Is.EqualTo(200), await answer.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>The image's <c>openscap_</c> attributes, each name asserted to be stored once.</summary>
    public async Task<Dictionary<string, string>> OpenScapAttributesAsync(long imageId, CancellationToken cancellationToken)
    {
        var text = await _api.GetStringAsync($"api/container_images/{imageId}?attributes=id&expand=custom_attributes", cancellationToken);
        var all = ((JArray)Parse(text)["custom_attributes"]!).Cast<JObject>();
        var owned = all.Where(a => a.Value<string>("name")!.StartsWith("openscap_", StringComparison.Ordinal)).ToList();
        Assert.That(owned.Select(a => a.Value<string>("name")), Is.Unique, "each attribute is stored once");
        return owned.ToDictionary(a => a.Value<string>("name")!, a => a.Value<string>("value")!);
    }

    public async Task<IReadOnlyList<JObject>> RequestsAsync(CancellationToken cancellationToken) =>
        [.. ((JArray)Parse(await _control.GetStringAsync("/emulator/requests", cancellationToken))).Cast<JObject>()];

    public async Task ClearRequestsAsync(CancellationToken cancellationToken)
    {
        using var answer = await _control.DeleteAsync("/emulator/requests", cancellationToken);
        Assert.That((int)answer.StatusCode, Is.LessThan(300));
    }

    public async Task FaultAsync(string json, CancellationToken cancellationToken)
    {
        using var answer = await _control.PostAsync("/emulator/faults", new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);
        Assert.That((int)answer.StatusCode, Is.EqualTo(200), await answer.Content.ReadAsStringAsync(cancellationToken));
    }

    public async Task ClearFaultsAsync(CancellationToken cancellationToken)
    {
        using var answer = await _control.DeleteAsync("/emulator/faults", cancellationToken);
        Assert.That((int)answer.StatusCode, Is.LessThan(300));
    }

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
        _api.Dispose();
        _control.Dispose();
        await Emulator.DisposeAsync();
        await Registry.DisposeAsync();
        Directory.Dispose();
    }

    /// <summary>Values as ManageIQ sent them: no date recognised and reformatted on the way.</summary>
    private static JToken Parse(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    private static StringContent Json(JObject body) => new(body.ToString(), Encoding.UTF8, "application/json");
}
