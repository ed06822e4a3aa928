using ManageIQ.OpenScap.Control;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Configuration;
using ManageIQ.OpenScap.Scanner.Hosting;
using Microsoft.Extensions.Logging.Console;

namespace ManageIQ.OpenScap.Bridge.Hosting;

/// <summary>The host of a <c>bridge policies</c> verb: configuration, warnings on stderr, the ManageIQ client, the registration.</summary>
internal static class ControlHost
{
    public static HostApplicationBuilder CreateBuilder(string? configFile, IReadOnlyDictionary<string, string?> flags)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddScanConfiguration(configFile, flags);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter(ScanHost.HostCategory, LogLevel.None);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddManageIqClient(builder.Configuration.GetSection(ManageIqClientOptions.SectionName));
        builder.Services.AddPolicyRegistration(builder.Configuration);
        return builder;
    }
}
