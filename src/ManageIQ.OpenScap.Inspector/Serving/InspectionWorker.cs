using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scanner.Scanning;

namespace ManageIQ.OpenScap.Inspector.Serving;

/// <summary>Runs the scan once in the background while the server already answers.</summary>
internal sealed class InspectionWorker(IImageScanner scanner, ScanRequestFactory requests, InspectionState state, ILogger<InspectionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the server start listening before the scan takes the CPU.
        await Task.Yield();
        try
        {
            // The HTML report takes longer than oscap's evaluation and ManageIQ renders its own from the ARF:
            // it is rendered after the results are announced, and the HTML endpoint waits for it.
            var request = requests.Create(state.Settings.ScanSettings) with { HtmlReport = false };
            var report = await scanner.ScanAsync(request, state, stoppingToken).ConfigureAwait(false);
            if (state.Settings.HtmlReport && report.Outcome == ScanOutcome.Completed && report.Artifacts.Arf is { } arf)
            {
                state.StartHtmlReport(scanner.RenderHtmlReportAsync(arf, request.ResultsDirectory, stoppingToken));
            }

            state.Complete(report);
            Log.ScanFinished(logger, state.Settings.Image, report.Outcome, report.ErrorMessage ?? string.Empty);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            state.Fail("The scan was stopped.");
        }
#pragma warning disable CA1031 // The server must keep answering /readyz and the metadata whatever went wrong.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.ScanCrashed(logger, e, state.Settings.Image);
            state.Fail("The scan failed unexpectedly: " + e.Message);
        }
    }
}
