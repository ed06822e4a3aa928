using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Inspector.CommandLine;
using ManageIQ.OpenScap.Inspector.Serving;
using ManageIQ.OpenScap.Scanner.Hosting;
using ManageIQ.OpenScap.Scanner.Scanning;

namespace ManageIQ.OpenScap.Inspector.OneShot;

/// <summary>Without <c>--serve</c>: scan, write the results and metadata.json, exit with a status that says how it went.</summary>
public static class OneShotInspection
{
    public static async Task<int> RunAsync(InspectorSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var builder = ScanHost.CreateBuilder(settings.Scan, InspectorWire.EnvironmentPrefix);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<InspectionState>();
        using var host = await ScanHost.StartAsync(builder, error, cancellationToken).ConfigureAwait(false);
        if (host is null)
        {
            return ExitCodes.InvalidArguments;
        }

        var state = host.Services.GetRequiredService<InspectionState>();
        var scanner = host.Services.GetRequiredService<IImageScanner>();
        var request = host.Services.GetRequiredService<ScanRequestFactory>().Create(settings.ScanSettings);
        var progress = new Progress<ScanProgress>(p =>
        {
            state.Report(p);
            error.WriteLine(p.Message);
        });
        ScanReport report;
        try
        {
            report = await scanner.ScanAsync(request, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Cancelled;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        state.Complete(report);
        Directory.CreateDirectory(settings.ResultsDirectory);
        await File.WriteAllTextAsync(Path.Combine(settings.ResultsDirectory, InspectorArtifacts.Metadata), InspectorJson.Serialize(state.Metadata()), CancellationToken.None).ConfigureAwait(false);
        await output.WriteLineAsync(Describe(report, settings)).ConfigureAwait(false);
        return ExitCodes.For(report);
    }

    private static string Describe(ScanReport report, InspectorSettings settings) => report switch
    {
        { Outcome: ScanOutcome.Completed } => $"OpenSCAP: Success (oscap exit {report.OscapExitCode}); results in {settings.ResultsDirectory}",
        { ErrorKind: ScanErrorKind.ImageAcquireFailed } => "ImageAcquireError: " + report.ErrorMessage,
        _ => "OpenSCAP Error: " + report.ErrorMessage,
    };
}
