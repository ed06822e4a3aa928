using System.Diagnostics;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>What a scan has gathered so far; becomes the result whichever way the scan ends.</summary>
internal sealed class ScanState(ImageScanRequest request, Stopwatch total)
{
    public AcquiredImage? Image { get; set; }

    public ScapContentSelection? Content { get; set; }

    public string? EvaluatedProfile { get; set; }

    public string? OscapVersion { get; set; }

    public int? OscapExitCode { get; set; }

    public string? ArfPath { get; set; }

    public string? HtmlPath { get; set; }

    public string? SummaryPath { get; set; }

    public ScapSummary? Summary { get; set; }

    public CveFeedUse? CveFeed { get; set; }

    public string? CveOvalResultsPath { get; set; }

    public List<string> Notes { get; } = [];

    public ScanTimings Timings { get; set; } = new();

    /// <summary>Time since the scan started.</summary>
    public TimeSpan Elapsed() => total.Elapsed;

    public ImageScanResult Finish(ScanOutcome outcome, string? error, IProgress<ScanProgress>? progress)
    {
        Timings = Timings with { Total = total.Elapsed };
        progress?.Report(new ScanProgress(ScanStage.Finished, error ?? $"Scan of {request.Image} completed"));
        return new ImageScanResult
        {
            Outcome = outcome,
            ErrorMessage = error,
            Image = Image,
            Content = Content,
            EvaluatedProfile = EvaluatedProfile ?? Content?.Profile,
            OscapVersion = OscapVersion,
            OscapExitCode = OscapExitCode,
            ArfPath = ArfPath,
            HtmlPath = HtmlPath,
            SummaryPath = SummaryPath,
            Summary = Summary,
            CveFeed = CveFeed,
            CveOvalResultsPath = CveOvalResultsPath,
            Notes = Notes,
            Timings = Timings,
        };
    }
}
