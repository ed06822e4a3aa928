using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Bridge.CommandLine;

/// <summary>A scan report for people.</summary>
internal static class ScanReportPrinter
{
    public static async Task PrintAsync(ScanReport report, TextWriter output)
    {
        if (report.Outcome != ScanOutcome.Completed)
        {
            await output.WriteLineAsync((report.ErrorKind == ScanErrorKind.ImageAcquireFailed ? "Image acquisition failed: " : report.ErrorKind + ": ") + report.ErrorMessage).ConfigureAwait(false);
            return;
        }

        var distribution = report.Distribution is { } d ? d.PrettyName ?? $"{d.Id} {d.VersionId}" : "no os-release";
        await output.WriteLineAsync($"Image:        {report.Image?.ImageId} ({distribution})").ConfigureAwait(false);
        if (report.Content is { } content)
        {
            await output.WriteLineAsync($"Content:      {content.DataStream} profile {content.Tailoring ?? content.Profile}").ConfigureAwait(false);
            if (content.CveFeed is not null)
            {
                await output.WriteLineAsync($"CVE feed:     {content.CveFeed} ({content.CveFeedMode}, version {content.CveFeedVersion})").ConfigureAwait(false);
            }

            await output.WriteLineAsync("Fingerprint:  " + content).ConfigureAwait(false);
        }

        if (report.Summary is { } summary)
        {
            ScapSummaryText.Write(output, summary);
        }

        foreach (var note in report.Notes)
        {
            await output.WriteLineAsync("Note: " + note).ConfigureAwait(false);
        }

        await output.WriteLineAsync("ARF:          " + report.Artifacts.Arf).ConfigureAwait(false);
        if (report.Artifacts.Html is not null)
        {
            await output.WriteLineAsync("HTML report:  " + report.Artifacts.Html).ConfigureAwait(false);
        }

        var t = report.Timings;
        await output.WriteLineAsync(FormattableString.Invariant($"Time:         pull {t.Pull.TotalSeconds:0.0} s, unpack {t.Unpack.TotalSeconds:0.0} s, oscap {t.Oscap.TotalSeconds:0.0} s, report {t.Report.TotalSeconds:0.0} s, total {t.Total.TotalSeconds:0.0} s")).ConfigureAwait(false);
    }
}
