using System.CommandLine;
using ManageIQ.OpenScap.Analysis;
using ManageIQ.OpenScap.Bridge.Hosting;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scanner.Hosting;
using ManageIQ.OpenScap.State.Outbox;

namespace ManageIQ.OpenScap.Bridge.CommandLine;

/// <summary>
/// <c>analyze --image-id ID [--config FILE]</c>: look the ManageIQ container image up, scan it on the configured
/// backend, commit the result, post it as <c>openscap_</c> attributes through the outbox, print the summary. Results
/// of earlier runs still waiting in the outbox are posted after it.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var imageId = new Option<long>("--image-id") { Description = "ManageIQ's id of the container image.", Required = true };
        var config = new Option<FileInfo?>(InspectorFlagNames.ConfigFile) { Description = "A JSON configuration file (appsettings shape); also MANAGEIQ_OPENSCAP_CONFIG." };
        var command = new Command("analyze", "Scan one ManageIQ container image and post its results to ManageIQ as openscap_ custom attributes.") { imageId, config };
        command.Validators.Add(result =>
        {
            if (result.GetValue(imageId) <= 0)
            {
                result.AddError("--image-id must be a positive ManageIQ id.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var builder = ScanHost.CreateBuilder(parse.GetValue(config)?.FullName, new Dictionary<string, string?>(), environmentPrefix: null);
            builder.Services.AddBridgeAnalysis(builder.Configuration, sweepOrphans: false);
            using var host = await ScanHost.StartAsync(builder, error, cancellationToken).ConfigureAwait(false);
            if (host is null)
            {
                return ExitCodes.InvalidArguments;
            }

            try
            {
                var analysis = await host.Services.GetRequiredService<IImageAnalyzer>()
                    .AnalyzeAsync(parse.GetValue(imageId), new ScanProgressPrinter(error), cancellationToken).ConfigureAwait(false);
                await AnalysisPrinter.PrintAsync(analysis, output).ConfigureAwait(false);
                if (analysis.Status is AnalysisStatus.Posted or AnalysisStatus.ErrorPosted)
                {
                    await DeliverWaitingAsync(host.Services.GetRequiredService<IOutboxPublisher>(), output, cancellationToken).ConfigureAwait(false);
                }

                return AnalysisExitCodes.For(analysis.Status);
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Cancelled;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        });
        return command;
    }

    // A person ran this, so what waits is due now whatever its backoff.
    private static async Task DeliverWaitingAsync(IOutboxPublisher outbox, TextWriter output, CancellationToken cancellationToken)
    {
        var report = await outbox.DeliverDueAsync(DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false);
        if (report.Outcomes.Count > 0)
        {
            await output.WriteLineAsync($"Outbox:       {report.Delivered} waiting result(s) of earlier runs posted, {report.Outcomes.Count - report.Delivered + report.Left} still waiting").ConfigureAwait(false);
        }
    }
}
