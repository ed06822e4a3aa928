using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>What a scan produced.</summary>
public sealed record ImageScanResult
{
    public required ScanOutcome Outcome { get; init; }

    /// <summary>Why the scan did not complete; null when it did.</summary>
    public string? ErrorMessage { get; init; }

    public AcquiredImage? Image { get; init; }

    public ScapContentSelection? Content { get; init; }

    /// <summary>The profile id oscap evaluated (a tailored one when the CVE feed rules were added).</summary>
    public string? EvaluatedProfile { get; init; }

    public string? OscapVersion { get; init; }

    /// <summary>0: nothing failed; 2: at least one rule fail, error or unknown.</summary>
    public int? OscapExitCode { get; init; }

    public string? ArfPath { get; init; }

    public string? HtmlPath { get; init; }

    public string? SummaryPath { get; init; }

    public ScapSummary? Summary { get; init; }

    public CveFeedUse? CveFeed { get; init; }

    /// <summary>The OVAL results of a feed the data stream does not reference itself.</summary>
    public string? CveOvalResultsPath { get; init; }

    /// <summary>Things people should know: a missing CVE feed, a skipped HTML report, oscap warnings.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public ScanTimings Timings { get; init; } = new();
}
