using System.CommandLine;
using ManageIQ.OpenScap.Bridge.Hosting;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scanner.Hosting;
using ManageIQ.OpenScap.Service.Hosting;

namespace ManageIQ.OpenScap.Bridge.CommandLine;

/// <summary>
/// <c>serve [--config FILE]</c>: the hosted bridge. Discovers the providers' images, scans them on schedule within
/// the limits, posts the results, and serves <c>/healthz</c> and <c>/readyz</c> until SIGTERM or Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo?>(InspectorFlagNames.ConfigFile) { Description = "A JSON configuration file (appsettings shape); also MANAGEIQ_OPENSCAP_CONFIG." };
        var command = new Command("serve", "Run the bridge as a service: discovery, schedules, scans within the limits, results posted to ManageIQ, health endpoints.") { config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var builder = BridgeServiceHost.CreateBuilder(parse.GetValue(config)?.FullName, new Dictionary<string, string?>(), ServeHostExtensions.AddServeBackends);
            var app = BridgeServiceHost.Build(builder);
            await using (app.ConfigureAwait(false))
            {
                try
                {
                    // Taken before the run: RunAsync disposes the application (and its services) when it stops.
                    var runner = app.Services.GetRequiredService<BridgeServiceRunner>();
                    await app.RunAsync(cancellationToken).ConfigureAwait(false);
                    switch (runner.Stop)
                    {
                        case ServiceStop.Refused:
                            await parse.InvocationConfiguration.Error.WriteLineAsync($"Error: {runner.Refusal}").ConfigureAwait(false);
                            return ExitCodes.ManageIqRefused;
                        case ServiceStop.LeaseLost:
                            return ExitCodes.LeaseLost;
                        default:
                            return ExitCodes.Passed;
                    }
                }
                catch (Exception e) when (StartupErrors.IsConfigurationError(e))
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync(StartupErrors.Describe(e)).ConfigureAwait(false);
                    return ExitCodes.InvalidArguments;
                }
            }
        });
        return command;
    }
}
