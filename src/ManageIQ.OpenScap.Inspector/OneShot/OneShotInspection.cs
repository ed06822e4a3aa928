using System.Text.Json;
using ManageIQ.OpenScap.Inspector.CommandLine;
using ManageIQ.OpenScap.Inspector.Hosting;
using ManageIQ.OpenScap.Inspector.Metadata;
using ManageIQ.OpenScap.Inspector.Serving;
using ManageIQ.OpenScap.Scanner.Scanning;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Inspector.OneShot;

/// <summary>Without <c>--serve</c>: scan, write the results and metadata.json, exit with a status that says how it went.</summary>
public static class OneShotInspection
{
    public const string MetadataFile = "metadata.json";

    public static async Task<int> RunAsync(InspectorSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        // The empty builder: no default sources or providers to load, which a short-lived scan would pay for in start-up time.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInspectorConfiguration(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Console logs go to stderr so stdout carries only the result line.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddInspector(builder.Configuration, settings);
        using var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync("Error: " + e.Message).ConfigureAwait(false);
            return InspectorExitCodes.InvalidArguments;
        }

        var state = host.Services.GetRequiredService<InspectionState>();
        var scanner = host.Services.GetRequiredService<IImageScanner>();
        var progress = new Progress<ScanProgress>(p =>
        {
            state.Report(p);
            error.WriteLine(p.Message);
        });
        ImageScanResult result;
        try
        {
            result = await scanner.ScanAsync(settings.ToScanRequest(), progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return InspectorExitCodes.Cancelled;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        state.Complete(result);
        var metadata = state.Metadata();
        Directory.CreateDirectory(settings.ResultsDirectory);
        await File.WriteAllTextAsync(Path.Combine(settings.ResultsDirectory, MetadataFile), JsonSerializer.Serialize(metadata, InspectorJsonContext.Default.InspectorMetadata), CancellationToken.None).ConfigureAwait(false);
        await output.WriteLineAsync(Describe(result, settings)).ConfigureAwait(false);
        return ExitCode(result);
    }

    public static int ExitCode(ImageScanResult result) => ScanExitCodes.ForResult(result);

    private static string Describe(ImageScanResult result, InspectorSettings settings) => result.Outcome switch
    {
        ScanOutcome.Completed => $"OpenSCAP: Success (oscap exit {result.OscapExitCode}); results in {settings.ResultsDirectory}",
        ScanOutcome.ImageAcquireFailed => "ImageAcquireError: " + result.ErrorMessage,
        _ => "OpenSCAP Error: " + result.ErrorMessage,
    };
}
