using ManageIQ.OpenScap.Control.Export;
using ManageIQ.OpenScap.Control.Registration;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.ManageIq.Emulator.Recording;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Tests.Registration;

/// <summary>
/// The registration as the bridge wires it (<c>AddManageIqClient</c> + <c>AddPolicyRegistration</c>) against an
/// in-process emulator over loopback; the emulator's request log shows every write.
/// </summary>
internal sealed class ControlRig : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ControlRig(ManageIqEmulator emulator, ServiceProvider services)
    {
        Emulator = emulator;
        _services = services;
    }

    public ManageIqEmulator Emulator { get; }

    public IPolicyRegistrar Registrar => _services.GetRequiredService<IPolicyRegistrar>();

    public PolicyUnregistrar Unregistrar => _services.GetRequiredService<PolicyUnregistrar>();

    public PolicyExporter Exporter => _services.GetRequiredService<PolicyExporter>();

    public ReportRegistrar Reports => _services.GetRequiredService<ReportRegistrar>();

    public PolicyStartupRegistration Startup => _services.GetRequiredService<PolicyStartupRegistration>();

    public IManageIqClient Client => _services.GetRequiredService<IManageIqClient>();

    public static async Task<ControlRig> StartAsync(string directory, IDictionary<string, string?>? settings = null, Uri? baseUrl = null)
    {
        var emulator = await ManageIqEmulator.StartAsync();
        var values = new Dictionary<string, string?>
        {
            ["ManageIq:BaseUrl"] = (baseUrl ?? emulator.BaseUri).AbsoluteUri,
            ["ManageIq:User"] = "admin",
            ["ManageIq:Password"] = "smartvm",
            ["ManageIq:MaxRetries"] = "1",
            ["ManageIq:RetryBaseDelay"] = "00:00:00.010",
            ["ManageIq:RetryMaxDelay"] = "00:00:00.020",
            ["ManageIq:RequestTimeout"] = "00:00:10",
            ["Bridge:Policies:Directory"] = directory,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        services.AddManageIqClient(configuration.GetSection("ManageIq"));
        services.AddPolicyRegistration(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        foreach (var validator in provider.GetServices<IStartupValidator>())
        {
            validator.Validate();
        }

        return new ControlRig(emulator, provider);
    }

    /// <summary>The requests that change something: POST, PUT, PATCH, DELETE (authentication aside).</summary>
    public IReadOnlyList<RecordedRequest> Writes() =>
        [.. Emulator.Requests.All.Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE" && !r.Path.StartsWith("/api/auth", StringComparison.Ordinal))];

    /// <summary>ManageIQ's seeded "OpenSCAP profile" with its policies and their conditions and contents, as JSON text.</summary>
    public async Task<string> SeededProfileJsonAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseUri };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("admin:smartvm"u8.ToArray()));
        var parts = new List<string> { await http.GetStringAsync(new Uri("api/policy_profiles/1?expand=policies", UriKind.Relative), cancellationToken) };
        foreach (var id in new[] { 1, 2, 3 })
        {
            parts.Add(await http.GetStringAsync(new Uri($"api/policies/{id}?attributes=miq_policy_contents&expand=conditions,events,policy_actions", UriKind.Relative), cancellationToken));
        }

        foreach (var id in new[] { 1, 2 })
        {
            parts.Add(await http.GetStringAsync(new Uri($"api/conditions/{id}", UriKind.Relative), cancellationToken));
        }
        return string.Join("\n", parts);
    }

    public JObject Row(Func<ManageIq.Emulator.Store.EmulatorStore, ManageIq.Emulator.Store.ResourceTable> table, string guid) =>
        Emulator.Store.Read(s => (JObject)table(s).Rows.Single(r => r.Value<string>("guid") == guid).DeepClone());

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
