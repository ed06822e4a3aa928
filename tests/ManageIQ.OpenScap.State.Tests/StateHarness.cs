using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Configuration;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.State.Configuration;
using ManageIQ.OpenScap.State.History;
using ManageIQ.OpenScap.State.Outbox;
using ManageIQ.OpenScap.State.Queue;
using ManageIQ.OpenScap.State.Results;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.State.Tests;

/// <summary>
/// The real store and outbox publisher, built through <c>AddStateStore</c> and <c>AddManageIqClient</c>, on a
/// scratch state directory, posting over loopback to an in-process emulator. The clock is the system's (the
/// client's backoff waits on it) unless a test that makes no ManageIQ call passes a fake one.
/// </summary>
public sealed class StateHarness : IAsyncDisposable
{
    private readonly Action<StateStoreOptions>? _configure;
    private ServiceProvider _services;

    private StateHarness(ManageIqEmulator emulator, TempDirectory directory, Action<StateStoreOptions>? configure, TimeProvider? time)
    {
        Emulator = emulator;
        Directory = directory;
        _configure = configure;
        Time = time ?? TimeProvider.System;
        _services = Build();
    }

    public ManageIqEmulator Emulator { get; }

    public TempDirectory Directory { get; }

    public string StateDirectory => Directory.Combine("state");

    public TimeProvider Time { get; }

    public IResultStore Store => _services.GetRequiredService<IResultStore>();

    public IOutboxPublisher Publisher => _services.GetRequiredService<IOutboxPublisher>();

    public IScanQueue Queue => _services.GetRequiredService<IScanQueue>();

    public HistoryCompactor Compactor => _services.GetRequiredService<HistoryCompactor>();

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public IServiceProvider Services => _services;

    /// <summary>Starts an emulator seeded with <paramref name="seed"/> (the default seed when null).</summary>
    public static async Task<StateHarness> StartAsync(JObject? seed = null, Action<StateStoreOptions>? configure = null, TimeProvider? time = null) =>
        new(await ManageIqEmulator.StartAsync(new EmulatorOptions { Seed = seed }), new TempDirectory("miq-openscap-state-"), configure, time);

    /// <summary>A fresh process's view: new services (and database connections) over the same state directory.</summary>
    public async Task RestartAsync()
    {
        await _services.DisposeAsync();
        _services = Build();
    }

    /// <summary>The image's attributes in the emulator as (section, name, value), in id order.</summary>
    public IReadOnlyList<(string Section, string Name, string Value)> AttributesOf(long imageId) =>
        [.. Emulator.Store.CustomAttributesOf(imageId).Select(a => (a.Value<string>("section")!, a.Value<string>("name")!, a.Value<string>("value") ?? string.Empty))];

    public static void FastClient(ManageIqClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        options.RetryMaxDelay = TimeSpan.FromMilliseconds(20);
        options.RequestTimeout = TimeSpan.FromSeconds(10);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
        Directory.Dispose();
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(Time);
        services.AddManageIqClient(o =>
        {
            o.BaseUrl = Emulator.BaseUri;
            o.User = "admin";
            o.Password = "smartvm";
            FastClient(o);
        });
        services.AddStateStore(o =>
        {
            o.StateDirectory = StateDirectory;
            o.Outbox.RetryBaseDelay = TimeSpan.FromMinutes(1);
            o.Outbox.RetryMaxDelay = TimeSpan.FromMinutes(8);
            _configure?.Invoke(o);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
