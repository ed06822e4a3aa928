using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Inspector.CommandLine;
using ManageIQ.OpenScap.Scanner.Scanning;

namespace ManageIQ.OpenScap.Inspector.Serving;

/// <summary>The one scan of this process, shared between the background scan and the HTTP handlers.</summary>
public sealed class InspectionState(InspectorSettings settings, TimeProvider timeProvider, ILogger<InspectionState> logger) : IProgress<ScanProgress>
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

    /// <summary>The HTML report being rendered after the scan, when it was asked for; it never faults (see <see cref="StartHtmlReport"/>).</summary>
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

    /// <summary>
    /// Takes the rendering of the HTML report. A render that faults or is cancelled becomes an outcome with its
    /// problem, so the metadata, the ARF and the summary keep being served whatever happens to the HTML.
    /// </summary>
    public void StartHtmlReport(Task<HtmlReportOutcome> rendering)
    {
        ArgumentNullException.ThrowIfNull(rendering);
        HtmlReport = SettleAsync(rendering);
    }

    private async Task<HtmlReportOutcome> SettleAsync(Task<HtmlReportOutcome> rendering)
    {
        try
        {
            return await rendering.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return new HtmlReportOutcome(null, "HTML report was not finished: its rendering was cancelled.", TimeSpan.Zero);
        }
#pragma warning disable CA1031 // Whatever broke the render, the other results must stay served.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.HtmlReportFailed(logger, e, settings.Image);
            return new HtmlReportOutcome(null, "HTML report failed: " + e.Message, TimeSpan.Zero);
        }
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
