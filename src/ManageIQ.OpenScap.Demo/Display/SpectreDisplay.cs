using System.Globalization;
using ManageIQ.OpenScap.Service.Discovery;
using Spectre.Console;

namespace ManageIQ.OpenScap.Demo.Display;

/// <summary>
/// The demo on a terminal, with Spectre.Console: a live task list below (the step running, each scan's stages with a
/// bar), and above it one line per finished step or scan, then the final tables. Spectre's tasks are safe to update
/// from any thread.
/// </summary>
public sealed class SpectreDisplay(IAnsiConsole console) : IDemoDisplay
{
    private readonly Dictionary<string, ProgressTask> _scans = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private ProgressContext? _context;

    /// <summary>Room for a live description: the terminal's width less the bar, the time and the spinner.</summary>
    private int Room => Math.Max(24, console.Profile.Width - 36);

    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return await console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 12 }, new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                _context = context;
                try
                {
                    return await work().ConfigureAwait(false);
                }
                finally
                {
                    _context = null;
                }
            }).ConfigureAwait(false);
    }

    public void Header(string workDirectory)
    {
        console.Write(new Rule("[bold]ManageIQ.OpenScap demo[/]").LeftJustified());
        console.MarkupLine($"A Debian 12 image, a real CVE finding, and what an operator sees in ManageIQ. Work directory [grey]{Markup.Escape(workDirectory)}[/]");
    }

    public IDemoStep BeginStep(string area, string detail)
    {
        var context = _context;
        if (context is null)
        {
            return new LineStep(this, area);
        }

        var task = context.AddTask(Describe(area, detail), autoStart: true, maxValue: 1);
        task.IsIndeterminate = true;
        return new TaskStep(this, task, area);
    }

    public void Discovered(DiscoveryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Line("discovery", DemoText.Discovery(report));
    }

    public void ScanStarted(string image) => Scan(image).Description = Describe("scan", image + ": started");

    public void ScanProgress(string image, int stage, string message)
    {
        var task = Scan(image);
        task.Value = Math.Max(task.Value, stage);
        task.Description = Describe("scan", image + ": " + message);
    }

    public void ScanFinished(string image, string outcome, bool failed)
    {
        var task = Scan(image);
        task.Value = task.MaxValue;
        task.StopTask();
        Line("scan", image + ": " + outcome, failed);
    }

    public void Warning(string text) => console.MarkupLine($"[yellow]! {"warning",-10}[/] {Markup.Escape(text)}");

    public void Fatal(string message) => console.MarkupLine($"[red bold]✘ {"error",-10}[/] {Markup.Escape(message)}");

    public void Summary(DemoSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Results[/] (from the bridge's store)")
            .AddColumn("Image").AddColumn("Status").AddColumn(new TableColumn("Failed rules\nhigh/med/low/other").Centered())
            .AddColumn(new TableColumn("Vulnerable CVEs\n(highest severity)"));
        foreach (var row in summary.Rows)
        {
            var status = row.Status switch
            {
                "compliant" => "[green]compliant[/]",
                "non_compliant" => "[red]non_compliant[/]",
                null => "[grey]no result[/]",
                _ => "[red]" + Markup.Escape(row.Status) + "[/]",
            };
            var image = $"[bold]{Markup.Escape(row.Image)}[/]\n[grey]{Markup.Escape(row.Title)}[/]" + (row.ScannedNow ? string.Empty : $"\n[grey]unchanged: result of {DemoText.Time(row.ScannedOn)}[/]");
            var cves = string.Create(CultureInfo.InvariantCulture, $"{row.Cves} ({row.HighestCveSeverity ?? "none"})")
                + (row.CveIds.Count == 0 ? string.Empty : "\n[grey]" + Markup.Escape(string.Join(" ", row.CveIds)) + (row.Cves > row.CveIds.Count ? $" +{row.Cves - row.CveIds.Count} more" : string.Empty) + "[/]");
            table.AddRow(image, status, string.Create(CultureInfo.InvariantCulture, $"{row.FailedHigh}/{row.FailedMedium}/{row.FailedLow}/{row.FailedOther}"), cves);
        }

        console.WriteLine();
        console.Write(table);
        foreach (var row in summary.Rows)
        {
            console.MarkupLine($"[bold]{Markup.Escape(row.Image)}[/]" + (row.Error is null ? string.Empty : $" [red]{Markup.Escape(row.Error)}[/]"));
            console.MarkupLine($"  compact report {Markup.Escape(row.CompactReport ?? "-")}");
            console.MarkupLine($"  full ARF       [grey]{Markup.Escape(row.Arf ?? "-")}[/]");
        }

        if (summary.AttributesOf is not null)
        {
            console.WriteLine();
            var attributes = new Table().Border(TableBorder.Simple).Title($"[bold]ManageIQ's view of {Markup.Escape(summary.AttributesOf)}[/]")
                .Caption(Markup.Escape(summary.AttributesRequest ?? string.Empty))
                .AddColumn("custom attribute (metadata)").AddColumn("value");
            foreach (var (name, value) in summary.Attributes)
            {
                attributes.AddRow(Markup.Escape(name), Markup.Escape(DemoText.AttributeValue(name, value)));
            }

            console.Write(attributes);
        }

        console.WriteLine();
        foreach (var note in summary.Notes)
        {
            console.MarkupLine("[grey]Note:[/] " + Markup.Escape(note));
        }

        console.MarkupLine("[bold]" + Markup.Escape(DemoText.Finished(summary)) + "[/]");
    }

    private ProgressTask Scan(string image)
    {
        lock (_gate)
        {
            if (!_scans.TryGetValue(image, out var task))
            {
                var context = _context ?? throw new InvalidOperationException("A scan was reported outside the live display.");
                _scans[image] = task = context.AddTask(Describe("scan", image + ": queued"), autoStart: true, maxValue: ScanPhases.Count);
            }

            return task;
        }
    }

    private void Line(string area, string text, bool failed = false) =>
        console.MarkupLine(failed ? $"[red]✘ {Markup.Escape(area),-10}[/] {Markup.Escape(text)}" : $"[green]✔[/] [bold]{Markup.Escape(area),-10}[/] {Markup.Escape(text)}");

    private string Describe(string area, string detail)
    {
        var room = Room - 11;
        var cut = detail.Length <= room ? detail : detail[..(room - 1)] + "…";
        return $"[bold]{Markup.Escape(area),-10}[/] {Markup.Escape(cut)}";
    }

    private sealed class TaskStep(SpectreDisplay display, ProgressTask task, string area) : IDemoStep
    {
        public void Update(string detail) => task.Description = display.Describe(area, detail);

        public void Done(string summary)
        {
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
            display.Line(area, summary);
        }

        public void Fail(string message)
        {
            task.IsIndeterminate = false;
            task.StopTask();
            display.Line(area, "FAILED: " + message, failed: true);
        }
    }

    private sealed class LineStep(SpectreDisplay display, string area) : IDemoStep
    {
        public void Update(string detail)
        {
        }

        public void Done(string summary) => display.Line(area, summary);

        public void Fail(string message) => display.Line(area, "FAILED: " + message, failed: true);
    }
}
