using ManageIQ.OpenScap.Analysis;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Configuration;
using ManageIQ.OpenScap.Scanner;
using ManageIQ.OpenScap.Scanner.Hosting;
using ManageIQ.OpenScap.Service.Health;
using ManageIQ.OpenScap.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ManageIQ.OpenScap.Service.Hosting;

/// <summary>
/// The web host of <c>bridge serve</c>: the configuration of <c>bridge analyze</c> (defaults, then
/// <c>MANAGEIQ_OPENSCAP_CONFIG</c>, <c>--config</c>, environment, the overrides given), console logs (JSON with
/// <c>Logging:Console:FormatterName=json</c>, scopes included), Kestrel from the <c>Kestrel</c> section, the health
/// endpoints, and the scanner, ManageIQ client, store, analysis and service.
/// </summary>
public static class BridgeServiceHost
{
    /// <summary>Where Kestrel listens unless <c>Kestrel:Endpoints</c> says otherwise.</summary>
    public const string DefaultUrl = "http://0.0.0.0:8080";

    /// <summary>How much longer than <c>Bridge:Shutdown:Grace</c> the host waits for its services at a stop.</summary>
    private static readonly TimeSpan StopMargin = TimeSpan.FromSeconds(15);

    public static WebApplicationBuilder CreateBuilder(string? configFile, IReadOnlyDictionary<string, string?> overrides, Action<IServiceCollection, IConfiguration>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = DefaultUrl,
            // Named, or the console logger takes its deprecated options and drops SingleLine; the file may choose json.
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:Quartz"] = "Warning",
        });
        builder.Configuration.AddScanConfiguration(configFile, overrides);
        builder.WebHost.UseKestrel((context, kestrel) => kestrel.Configure(context.Configuration.GetSection("Kestrel")));
        builder.Services.AddRouting();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        // A start refused for bad configuration is reported in one line by the verb, not as the host's stack trace.
        builder.Logging.AddFilter(ScanHost.HostCategory, LogLevel.None);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.SingleLine = true;
        });
        builder.Logging.AddConsole();
        builder.Services.AddImageScanner(builder.Configuration);
        builder.Services.AddManageIqClient(builder.Configuration.GetSection(ManageIqClientOptions.SectionName));
        builder.Services.AddStateStore(builder.Configuration);
        builder.Services.AddImageAnalysis(builder.Configuration);
        builder.Services.AddBridgeService(builder.Configuration);
        extra?.Invoke(builder.Services, builder.Configuration);
        var grace = builder.Configuration.GetValue<TimeSpan?>("Bridge:Shutdown:Grace") ?? new Configuration.ShutdownOptions().Grace;
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = grace + StopMargin);
        return builder;
    }

    /// <summary>Builds the application with its endpoints mapped.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.MapBridgeHealth();
        return app;
    }
}
