using System.Globalization;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.State;
using ManageIQ.OpenScap.Testing;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Bridge.Tests.Analysis;

/// <summary>
/// The real path of <c>bridge analyze</c>: a loopback registry with Debian images, the ManageIQ emulator with its
/// control routes, and the bridge as a child process with the local backend and the real oscap. Attributes, the
/// request log and faults are read and set over HTTP, as another process would.
/// </summary>
internal sealed class AnalyzeRig : IAsyncDisposable
{
    public const string BridgeAssembly = "ManageIQ.OpenScap.Bridge.dll";
    public const string PublicUrl = "http://127.0.0.1:8443/bridge/";
    private const long OpenshiftProvider = 1;

    private readonly EmulatorClient _emulator;

    private AnalyzeRig(TempDirectory directory, LoopbackRegistry registry, ManageIqEmulator emulator)
    {
        Directory = directory;
        Registry = registry;
        Emulator = emulator;
        _emulator = new EmulatorClient(emulator.BaseUri);
        System.IO.Directory.CreateDirectory(FailpointDirectory);
    }

    public TempDirectory Directory { get; }

    public LoopbackRegistry Registry { get; }

    public ManageIqEmulator Emulator { get; }

    public string StateDirectory => Directory.Combine("state");

    public string FailpointDirectory => Directory.Combine("failpoints");

    public string ConfigPath => Directory.Combine("appsettings.json");

    public static async Task<AnalyzeRig> StartAsync(CancellationToken cancellationToken)
    {
        var directory = new TempDirectory();
        var registry = await LoopbackRegistry.StartAsync(cancellationToken: cancellationToken);
        var emulator = await ManageIqEmulator.StartAsync(new EmulatorOptions { Control = true }, cancellationToken);
        var rig = new AnalyzeRig(directory, registry, emulator);
        rig.WriteConfig();
        return rig;
    }

    /// <summary>The bridge's configuration; <paramref name="extra"/> is merged over it.</summary>
    public void WriteConfig(JObject? extra = null)
    {
        var config = new JObject
        {
            ["ManageIq"] = new JObject
            {
                ["BaseUrl"] = Emulator.BaseUri.AbsoluteUri,
                ["User"] = "admin",
                ["Password"] = "smartvm",
                ["MaxRetries"] = 7,
                ["RetryBaseDelay"] = "00:00:00.020",
                ["RetryMaxDelay"] = "00:00:00.100",
                ["RequestTimeout"] = "00:00:20",
            },
            ["Bridge"] = new JObject
            {
                [nameof(StateDirectory)] = StateDirectory,
                ["Backend"] = "local",
                ["PublicUrl"] = PublicUrl,
            },
            ["ImageAcquisition"] = new JObject { ["InsecureRegistries"] = new JArray(Registry.Host) },
            ["CveFeeds"] = new JObject { ["Policy"] = "Disabled", ["CacheDirectory"] = Directory.Combine("feeds") },
        };
        if (extra is not null)
        {
            config.Merge(extra, new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace });
        }

        File.WriteAllText(ConfigPath, config.ToString());
    }

    /// <summary>Pushes a synthetic Debian 12 image whose root <paramref name="tailor"/> may change, and returns it.</summary>
    public async Task<BuiltImage> PushDebianAsync(string repository, string tag, Action<string>? tailor, CancellationToken cancellationToken, IEnumerable<DebianPackage>? packages = null)
    {
        var root = Directory.Combine("roots", repository.Replace('/', '_') + "_" + tag + "_" + Guid.NewGuid().ToString("N")[..6]);
        SyntheticDebianRoot.Write(root, packages);
        tailor?.Invoke(root);
        var image = new TestImage().Layer(TestLayer.FromDirectory(root)).Build();
        await Registry.PushAsync(repository, tag, image, cancellationToken);
        return image;
    }

    /// <summary>Adds the image to ManageIQ as a provider refresh would, pinned by its digest; returns its id.</summary>
    public Task<long> AddImageAsync(string repository, string tag, string digest, CancellationToken cancellationToken) =>
        _emulator.AddImageAsync(Registry.Host, OpenshiftProvider, repository, tag, digest, cancellationToken);

    /// <summary>Starts <c>bridge analyze</c>; <paramref name="failpoints"/> hold it at those points.</summary>
    public ChildProcess StartAnalyze(long imageId, params string[] failpoints)
    {
        var environment = new Dictionary<string, string>();
        if (failpoints.Length > 0)
        {
            environment[Failpoints.NamesVariable] = string.Join(",", failpoints);
            environment[Failpoints.DirectoryVariable] = FailpointDirectory;
        }

        return ChildProcess.Start(BridgeAssembly, ["analyze", "--image-id", imageId.ToString(CultureInfo.InvariantCulture), "--config", ConfigPath], environment: environment);
    }

    public async Task<ChildProcess> AnalyzeAsync(long imageId, CancellationToken cancellationToken)
    {
        var child = StartAnalyze(imageId);
        await child.WaitForExitAsync(cancellationToken);
        return child;
    }

    /// <summary>Waits until the child reached <paramref name="failpoint"/> (it wrote its signal), failing if it exited first.</summary>
    public async Task WaitForFailpointAsync(ChildProcess child, string failpoint, CancellationToken cancellationToken)
    {
        var reached = Path.Combine(FailpointDirectory, failpoint + ".reached");
        while (!File.Exists(reached))
        {
            Assert.That(child.HasExited, Is.False, $"the bridge exited before {failpoint}: {child.Error}{child.Output}");
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Every custom attribute of the image, in all sections, as ManageIQ's API shows them.</summary>
    public Task<IReadOnlyList<JObject>> AttributesAsync(long imageId, CancellationToken cancellationToken) => _emulator.AttributesAsync(imageId, cancellationToken);

    public Task<Dictionary<string, string>> OpenScapAttributesAsync(long imageId, CancellationToken cancellationToken) => _emulator.OpenScapAttributesAsync(imageId, cancellationToken);

    /// <summary>Adds attributes through ManageIQ's API, as a user or another tool would.</summary>
    public Task AddAttributesAsync(long imageId, CancellationToken cancellationToken, params (string Name, string Value, string Section)[] attributes) =>
        _emulator.AddAttributesAsync(imageId, cancellationToken, attributes);

    public Task<IReadOnlyList<JObject>> RequestsAsync(CancellationToken cancellationToken) => _emulator.RequestsAsync(cancellationToken);

    public Task ClearRequestsAsync(CancellationToken cancellationToken) => _emulator.ClearRequestsAsync(cancellationToken);

    public Task FaultAsync(string json, CancellationToken cancellationToken) => _emulator.FaultAsync(json, cancellationToken);

    public Task ClearFaultsAsync(CancellationToken cancellationToken) => _emulator.ClearFaultsAsync(cancellationToken);

    /// <summary>The requests to ManageIQ's API about the image, authentication left out.</summary>
    public static List<JObject> About(IEnumerable<JObject> requests, long imageId) =>
        [.. requests.Where(r => r.Value<string>("path")!.StartsWith($"/api/container_images/{imageId}", StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        _emulator.Dispose();
        await Emulator.DisposeAsync();
        await Registry.DisposeAsync();
        Directory.Dispose();
    }

    /// <summary>Values as ManageIQ sent them: no date recognised and reformatted on the way.</summary>
    public static JToken Parse(string json) => EmulatorClient.Parse(json);

    /// <summary>An attribute as ManageIQ's provider refresh writes it (the API refuses these sections).</summary>
    public void AddRefreshAttribute(long imageId, string name, string value, string section)
    {
        lock (Emulator.Store.Gate)
        {
            var now = Emulator.Store.Now();
            Emulator.Store.CustomAttributes.Add(new JObject
            {
                ["id"] = null, ["section"] = section, ["name"] = name, ["value"] = value, ["resource_type"] = "ContainerImage", ["resource_id"] = imageId,
                ["source"] = "kubernetes", ["description"] = null, ["value_interpolated"] = null, ["unique_name"] = null, ["serialized_value"] = null,
                ["created_on"] = now, ["updated_on"] = now,
            });
        }
    }

    /// <summary>The loopback registry as a ManageIQ image registry row; call under the store's lock.</summary>
    public long AddRegistry()
    {
        var row = Emulator.Store.Registries.Add(new JObject { ["id"] = null, ["name"] = "127.0.0.1", ["host"] = "127.0.0.1", ["port"] = Registry.Port.ToString(CultureInfo.InvariantCulture), ["ems_id"] = 1 });
        return row.Value<long>("id");
    }

    /// <summary>ManageIQ refreshed the image: its tag now names another image.</summary>
    public void MoveImage(long imageId, string digest)
    {
        lock (Emulator.Store.Gate)
        {
            var row = Emulator.Store.ContainerImages.Find(imageId)!;
            row["digest"] = digest;
            row["image_ref"] = $"docker-pullable://{Registry.Host}/{row.Value<string>("name")}@{digest}";
            Emulator.Store.ContainerImages.Touch();
        }
    }

}
