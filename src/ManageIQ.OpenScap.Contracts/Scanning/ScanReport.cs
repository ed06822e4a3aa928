using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>
/// What a scan produced, the same from every backend. A failed scan is a report with <see cref="ScanOutcome.Failed"/>,
/// an <see cref="ErrorKind"/> and a message, never an exception (only the caller's cancellation throws).
/// </summary>
public sealed record ScanReport
{
    public required ScanOutcome Outcome { get; init; }

    public ScanErrorKind ErrorKind { get; init; }

    /// <summary>Why the scan failed; null when it completed.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The image evaluated, once it was resolved.</summary>
    public ImageIdentity? Image { get; init; }

    public ScanDistribution? Distribution { get; init; }

    /// <summary>The content fingerprint, once content was chosen.</summary>
    public ContentFingerprint? Content { get; init; }

    /// <summary>oscap's exit status: 0 nothing failed; 2 at least one rule fail, error or unknown.</summary>
    public int? OscapExitCode { get; init; }

    /// <summary>The summary of the ARF, the CVE results merged in whatever the CVE feed mode.</summary>
    public ScapSummary? Summary { get; init; }

    /// <summary>How many of the CVE feed's definitions were evaluated after feed slimming; null when the feed was not slimmed.</summary>
    public CveFeedDefinitions? CveFeedDefinitions { get; init; }

    public ScanArtifactPaths Artifacts { get; init; } = ScanArtifactPaths.None;

    /// <summary>Things people should know: a missing CVE feed, a skipped HTML report, oscap's warnings.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public ScanTimings Timings { get; init; } = new();

    /// <summary>True when the scan completed and at least one rule failed.</summary>
    public bool HasFindings => Outcome == ScanOutcome.Completed && OscapExitCode == 2;

    public static ScanReport Failure(ScanErrorKind kind, string message) =>
        new() { Outcome = ScanOutcome.Failed, ErrorKind = kind, ErrorMessage = message };
}
