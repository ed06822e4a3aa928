using ManageIQ.OpenScap.Analysis;
using ManageIQ.OpenScap.State.Outbox;

namespace ManageIQ.OpenScap.Bridge.CommandLine;

/// <summary>An analysis for people: the scan's summary, then what reached ManageIQ.</summary>
internal static class AnalysisPrinter
{
    public static async Task PrintAsync(ImageAnalysis analysis, TextWriter output)
    {
        if (analysis.Image is { } image)
        {
            await output.WriteLineAsync($"ManageIQ:     container image {analysis.ImageId} {image.PullReference}").ConfigureAwait(false);
        }

        if (analysis.Report is null)
        {
            await output.WriteLineAsync($"Not analysed ({analysis.Status}): {analysis.Message}").ConfigureAwait(false);
            return;
        }

        await ScanReportPrinter.PrintAsync(analysis.Report, output).ConfigureAwait(false);
        if (analysis.Result is { } result)
        {
            await output.WriteLineAsync("Status:       " + result.Record.Status).ConfigureAwait(false);
            if (result.CompactReportPath is not null)
            {
                var omitted = result.ReportOmitted > 0 ? $" ({result.ReportOmitted} failed results left out to fit)" : string.Empty;
                await output.WriteLineAsync("Report:       " + result.CompactReportPath + omitted).ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync(analysis.Delivery switch
        {
            { Status: DeliveryStatus.Delivered } d => $"Posted:       {d.Upserted} openscap_ attributes written, {d.Deleted} stale deleted ({d.Requests} requests after the image read)"
                + (d.Skipped.Count > 0 ? $"; not written, held in another section: {string.Join(", ", d.Skipped)}" : string.Empty),
            { Status: DeliveryStatus.NothingWaiting } => "Posted:       nothing to post; ManageIQ holds a newer result of this image",
            { Status: DeliveryStatus.Abandoned } d => "Not posted:   the image is gone from ManageIQ: " + d.Error,
            { } d => $"Not posted:   {d.Error}; the result waits in the outbox (next attempt {d.NextAttemptOn:u})",
            null => "Not posted",
        }).ConfigureAwait(false);
    }
}
