using ManageIQ.OpenScap.Scanner.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ManageIQ.OpenScap.Scanner.Hosting;

/// <summary>The Generic Host of a one-shot scan: configuration, console logs on stderr, the scanner, options validated at start.</summary>
public static class ScanHost
{
    /// <summary>The host's own log category, which logs a failed start with its stack trace.</summary>
    public const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>The empty builder: no default sources or providers to load, which a short-lived scan would pay for in start-up time.</summary>
    public static HostApplicationBuilder CreateBuilder(ScanInvocation invocation, string? environmentPrefix)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return CreateBuilder(invocation.ConfigFile, invocation.Configuration, environmentPrefix);
    }

    /// <summary>The same host for a verb whose flags set no scan: <paramref name="configFile"/> (<c>--config</c>) and the keys its flags set.</summary>
    public static HostApplicationBuilder CreateBuilder(string? configFile, IReadOnlyDictionary<string, string?> flags, string? environmentPrefix)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddScanConfiguration(configFile, flags, environmentPrefix);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A start refused for bad configuration is reported in one line, not as the host's stack trace.
        builder.Logging.AddFilter(HostCategory, LogLevel.None);
        // Console logs go to stderr so stdout carries only the results.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddImageScanner(builder.Configuration);
        return builder;
    }

    /// <summary>Builds and starts the host; null with the error line written when the configuration is bad.</summary>
    public static async Task<IHost?> StartAsync(HostApplicationBuilder builder, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(error);
        IHost? host = null;
        try
        {
            host = builder.Build();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch (Exception e) when (StartupErrors.IsConfigurationError(e))
        {
            host?.Dispose();
            await error.WriteLineAsync(StartupErrors.Describe(e)).ConfigureAwait(false);
            return null;
        }
    }
}
