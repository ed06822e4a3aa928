using System.Diagnostics;
using System.Globalization;
using ManageIQ.OpenScap.Service.Discovery;

namespace ManageIQ.OpenScap.Demo.Display;

/// <summary>The demo as plain lines, each with the seconds since the start: for a log, a pipe or a dumb terminal.</summary>
public sealed class PlainDisplay(TextWriter output) : IDemoDisplay
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, int> _stages = new(StringComparer.Ordinal);

    public Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work();
    }

    public void Header(string workDirectory) =>
        Line($"ManageIQ.OpenScap demo: a Debian 12 image, a real CVE, ManageIQ's view. Work directory {workDirectory}");

    public IDemoStep BeginStep(string area, string detail)
    {
        Line($"{area,-10} {detail}");
        return new PlainStep(this, area);
    }

    public void Discovered(DiscoveryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Line($"{"discovery",-10} {DemoText.Discovery(report)}");
    }

    public void ScanStarted(string image) => Line($"{"scan",-10} {image}: started");

    public void ScanProgress(string image, int stage, string message)
    {
        lock (_gate)
        {
            // One line per stage: the pull's byte counts would flood a log.
            if (_stages.TryGetValue(image, out var last) && last >= stage)
            {
                return;
            }

            _stages[image] = stage;
        }

        Line($"{"scan",-10} {image}: {message}");
    }

    public void ScanFinished(string image, string outcome, bool failed) => Line($"{"scan",-10} {image}: {(failed ? "FAILED " : string.Empty)}{outcome}");

    public void Warning(string text) => Line($"{"warning",-10} {text}");

    public void Fatal(string message) => Line($"{"error",-10} {message}");

    public void Summary(DemoSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        lock (_gate)
        {
            output.WriteLine();
            output.WriteLine("Results (from the bridge's store):");
            foreach (var row in summary.Rows)
            {
                output.WriteLine($"  {row.Image,-26} {row.Status ?? "no result",-14} failed rules high {row.FailedHigh}, medium {row.FailedMedium}, low {row.FailedLow}, other {row.FailedOther}; CVEs {row.Cves} (highest {row.HighestCveSeverity ?? "none"}){(row.ScannedNow ? string.Empty : "; unchanged, kept from " + DemoText.Time(row.ScannedOn))}");
                if (row.CveIds.Count > 0)
                {
                    output.WriteLine($"  {string.Empty,-26} {string.Join(", ", row.CveIds)}{(row.Cves > row.CveIds.Count ? $" and {row.Cves - row.CveIds.Count} more" : string.Empty)}");
                }

                if (row.Error is not null)
                {
                    output.WriteLine($"  {string.Empty,-26} error: {row.Error}");
                }

                output.WriteLine($"  {string.Empty,-26} compact report: {row.CompactReport ?? "-"}");
                output.WriteLine($"  {string.Empty,-26} full ARF:       {row.Arf ?? "-"}");
            }

            if (summary.AttributesOf is not null)
            {
                output.WriteLine();
                output.WriteLine($"ManageIQ's view of {summary.AttributesOf}: {summary.AttributesRequest}");
                foreach (var (name, value) in summary.Attributes)
                {
                    output.WriteLine($"  {name,-32} {DemoText.AttributeValue(name, value)}");
                }
            }

            output.WriteLine();
            foreach (var note in summary.Notes)
            {
                output.WriteLine("Note: " + note);
            }

            output.WriteLine(DemoText.Finished(summary));
            output.Flush();
        }
    }

    private void Line(string text)
    {
        lock (_gate)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {text}"));
            output.Flush();
        }
    }

    private sealed class PlainStep(PlainDisplay display, string area) : IDemoStep
    {
        public void Update(string detail) => display.Line($"{area,-10} {detail}");

        public void Done(string summary) => display.Line($"{area,-10} {summary}");

        public void Fail(string message) => display.Line($"{area,-10} FAILED: {message}");
    }
}
