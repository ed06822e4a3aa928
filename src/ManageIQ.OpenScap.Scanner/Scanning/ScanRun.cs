using System.Diagnostics;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>One scan under way: the report so far (updated as each stage ends), its notes, its clock and its progress sink.</summary>
internal sealed class ScanRun(string image, Stopwatch clock, IProgress<ScanProgress>? sink)
{
    private ScanReport report = new() { Outcome = ScanOutcome.Failed };

    public string Image => image;

    public IProgress<ScanProgress>? Sink => sink;

    public List<string> Notes { get; } = [];

    public ScanTimings Timings
    {
        get => report.Timings;
        set => report = report with { Timings = value };
    }

    public ScanArtifactPaths Artifacts
    {
        get => report.Artifacts;
        set => report = report with { Artifacts = value };
    }

    public int? OscapExitCode
    {
        get => report.OscapExitCode;
        set => report = report with { OscapExitCode = value };
    }

    /// <summary>Time since the scan started.</summary>
    public TimeSpan Elapsed() => clock.Elapsed;

    public void Progress(ScanProgress value) => sink?.Report(value);

    public void Note(string? note)
    {
        if (note is not null)
        {
            Notes.Add(note);
        }
    }

    public void Acquired(AcquiredImage image)
    {
        report = report with
        {
            Image = ScanReports.Identity(image),
            Distribution = image.OsRelease is { } os ? new ScanDistribution(os.Id, os.VersionId, os.IdLike, os.PrettyName) : null,
            Timings = report.Timings with { Resolve = image.Timings.Resolve, Pull = image.Timings.Pull, Unpack = image.Timings.Unpack, Acquire = image.Timings.Total },
        };
    }

    public void Content(ScapContentSelection content, PreparedEvaluation? prepared)
    {
        Notes.AddRange(prepared?.Notes ?? []);
        report = report with { Content = ScanReports.Fingerprint(content, prepared), CveFeedDefinitions = prepared?.FeedDefinitions };
    }

    public void OscapVersion(string version) => report = report with { Content = report.Content! with { OscapVersion = version } };

    public void Summarized(SummaryOutcome summary)
    {
        Note(summary.Problem);
        report = report with
        {
            Summary = summary.Summary,
            Artifacts = report.Artifacts with { Summary = summary.Path },
            Content = report.Content! with { BenchmarkVersion = summary.Summary?.Benchmark?.Version },
            Timings = report.Timings with { Summary = summary.Elapsed, Ready = summary.ReadyAt },
        };
    }

    public ScanReport Complete() => Finish(report with { Outcome = ScanOutcome.Completed, ErrorKind = ScanErrorKind.None, ErrorMessage = null });

    public ScanReport Fail(ScanErrorKind kind, string message) => Finish(report with { Outcome = ScanOutcome.Failed, ErrorKind = kind, ErrorMessage = message });

    private ScanReport Finish(ScanReport finished)
    {
        finished = finished with { Notes = [.. Notes], Timings = finished.Timings with { Total = clock.Elapsed } };
        sink?.Report(new ScanProgress(ScanStage.Finished, image, Error: finished.ErrorMessage));
        return finished;
    }
}
