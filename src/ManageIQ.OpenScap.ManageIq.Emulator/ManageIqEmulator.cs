using ManageIQ.OpenScap.ManageIq.Emulator.Auth;
using ManageIQ.OpenScap.ManageIq.Emulator.Faults;
using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using ManageIQ.OpenScap.ManageIq.Emulator.Recording;
using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.ManageIq.Emulator;

/// <summary>
/// An emulated ManageIQ REST API on Kestrel, hosted in-process: <c>await using var miq = await ManageIqEmulator.StartAsync();</c>
/// then point a client at <see cref="BaseUri"/>. Its store, fault injector and request log are open to the test.
/// </summary>
public sealed class ManageIqEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TokenStore _tokens;

    private ManageIqEmulator(WebApplication app, EmulatorStore store, TokenStore tokens, FaultInjector faults, RequestLog requests, Uri baseUri)
    {
        _app = app;
        Store = store;
        _tokens = tokens;
        Faults = faults;
        Requests = requests;
        BaseUri = baseUri;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234/</c>; the API is under <c>api</c>.</summary>
    public Uri BaseUri { get; }

    public EmulatorStore Store { get; }

    public FaultInjector Faults { get; }

    public RequestLog Requests { get; }

    /// <summary>How many tokens are live (issued and not expired or revoked).</summary>
    public int LiveTokens => _tokens.Count;

    /// <summary>Every token value issued so far, expired or not.</summary>
    public IReadOnlyList<string> IssuedTokens => _tokens.Issued;

    public static async Task<ManageIqEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var store = new EmulatorStore(options.TimeProvider);
        EmulatorSeed.Load(options.Seed ?? EmulatorSeed.Default(), store);
        var tokens = new TokenStore(options.TimeProvider, options.TokenTtl);
        var faults = new FaultInjector();
        var requests = new RequestLog();
        var control = options.Control ? new Control.ControlRouter(store, faults, requests) : null;
        if (string.IsNullOrWhiteSpace(options.ApiVersion))
        {
            throw new ArgumentException("EmulatorOptions.ApiVersion must name a version, e.g. 4.4.0-pre.", nameof(options));
        }

        var router = new ApiRouter(store, tokens, faults, requests, options.MaxResultsPerPage, control) { ApiVersion = options.ApiVersion };

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(options.Address, options.Port);
            k.AllowSynchronousIO = true;
        });
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedLifetime>();
        var app = builder.Build();
        app.Run(router.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ManageIqEmulator(app, store, tokens, faults, requests, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Expires every issued token now, as if their TTL had run out.</summary>
    public void ExpireTokens() => _tokens.ExpireAll();

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
