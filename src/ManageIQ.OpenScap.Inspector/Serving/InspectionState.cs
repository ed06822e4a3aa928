using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Inspector.CommandLine;
using ManageIQ.OpenScap.Scanner.Scanning;

namespace ManageIQ.OpenScap.Inspector.Serving;

/// <summary>The one scan of this process, shared between the background scan and the HTTP handlers.</summary>
public sealed class InspectionState(InspectorSettings settings, TimeProvider timeProvider) : IProgress<ScanProgress>
{
    private readonly Lock gate = new();
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ScanProgress? progress;
    private DateTimeOffset progressTime;

    public InspectorSettings Settings => settings;

    public ScanReport? FinishedReport { get; private set; }

    /// <summary>An unexpected failure of the scan itself (a bug or the environment), as opposed to a failed scan's report.</summary>
    public string? FatalError { get; private set; }

    public bool IsFinished => finished.Task.IsCompleted;

    /// <summary>The HTML report being rendered after the scan, when it was asked for.</summary>
    public Task<HtmlReportOutcome>? HtmlReport { get; private set; }

    /// <summary>Completes when the scan has finished, with success or error.</summary>
    public Task Finished => finished.Task;

    public void Report(ScanProgress value)
    {
        lock (gate)
        {
            progress = value;
            progressTime = timeProvider.GetUtcNow();
        }
    }

    public void StartHtmlReport(Task<HtmlReportOutcome> rendering)
    {
        HtmlReport = rendering;
    }

    public void Complete(ScanReport report)
    {
        lock (gate)
        {
            FinishedReport = report;
        }

        finished.TrySetResult();
    }

    public void Fail(string message)
    {
        lock (gate)
        {
            FatalError = message;
        }

        finished.TrySetResult();
    }

    public InspectorMetadata Metadata()
    {
        lock (gate)
        {
            var metadata = MetadataMapping.ToMetadata(settings.Image, progress, progressTime, FinishedReport, FatalError, timeProvider.GetUtcNow());
            if (HtmlReport is not { } html)
            {
                return metadata;
            }

            var state = !html.IsCompleted ? "rendering" : html.Result.Path is not null ? "ready" : html.Result.Problem;
            // The report names the HTML file once it is there, as the one-shot mode's does.
            var report = html.IsCompleted && html.Result.Path is { } path && metadata.Report is { } r
                ? r with { Artifacts = r.Artifacts with { Html = path }, Timings = r.Timings with { Report = html.Result.Elapsed } }
                : metadata.Report;
            return metadata with { HtmlReport = state, Report = report };
        }
    }
}
