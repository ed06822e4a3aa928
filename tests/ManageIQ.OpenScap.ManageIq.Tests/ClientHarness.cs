using ManageIQ.OpenScap.ManageIq.Configuration;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.ManageIq.Probing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ManageIQ.OpenScap.ManageIq.Tests;

/// <summary>
/// The real client and start-up probe, built through <c>AddManageIqClient</c> and <c>AddManageIqProbe</c>, talking
/// over loopback to an in-process emulator, with every log line at Trace captured.
/// </summary>
public sealed class ClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ClientHarness(ManageIqEmulator emulator, ServiceProvider services)
    {
        Emulator = emulator;
        _services = services;
        Client = services.GetRequiredService<IManageIqClient>();
        Probe = services.GetRequiredService<IManageIqProbe>();
        Logs = services.GetFakeLogCollector();
    }

    public ManageIqEmulator Emulator { get; }

    public IManageIqClient Client { get; }

    public IManageIqProbe Probe { get; }

    public FakeLogCollector Logs { get; }

    public static async Task<ClientHarness> StartAsync(
        Action<ManageIqClientOptions>? configure = null,
        EmulatorOptions? emulatorOptions = null,
        TimeProvider? time = null,
        Action<ManageIqProbeOptions>? probe = null)
    {
        var emulator = await ManageIqEmulator.StartAsync(emulatorOptions);
        return new ClientHarness(emulator, Build(emulator.BaseUri, configure, time, probe));
    }

    public static ServiceProvider Build(Uri baseUrl, Action<ManageIqClientOptions>? configure, TimeProvider? time = null, Action<ManageIqProbeOptions>? probe = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddManageIqClient(o =>
        {
            o.BaseUrl = baseUrl;
            o.User = "admin";
            o.Password = "smartvm";
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
            o.RequestTimeout = TimeSpan.FromSeconds(10);
            configure?.Invoke(o);
        });
        services.AddManageIqProbe();
        if (probe is not null)
        {
            services.Configure(probe);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
