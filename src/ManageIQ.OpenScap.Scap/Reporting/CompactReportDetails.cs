namespace ManageIQ.OpenScap.Scap.Reporting;

/// <summary>
/// What the bridge knows about a scan beyond its ARF, shown in the report's summary. Every value is optional; a
/// missing one leaves its line out. Values are shown as text (escaped, cut to 160 characters; notes to 400).
/// </summary>
public sealed record CompactReportDetails
{
    /// <summary>The image as ManageIQ names it (e.g. <c>registry/app:1.2</c>); the ARF's target when absent.</summary>
    public string? Image { get; init; }

    /// <summary>The image digest ManageIQ lists.</summary>
    public string? Digest { get; init; }

    /// <summary>The published status word: <c>compliant</c>, <c>non_compliant</c> or <c>error</c>.</summary>
    public string? Status { get; init; }

    /// <summary>The distribution the scan chose content for, e.g. <c>debian 12</c>.</summary>
    public string? Distribution { get; init; }

    /// <summary>When the scan ran; the TestResult's end time when absent.</summary>
    public DateTimeOffset? ScannedOn { get; init; }

    /// <summary>The CVE feed's own date, when a feed was used.</summary>
    public DateTimeOffset? FeedUpdatedOn { get; init; }

    /// <summary>Notes for the reader, e.g. that the CVE feed was stale or missing.</summary>
    public string? Notes { get; init; }

    /// <summary>Why the verdict is what it is (the thresholds it was judged by), one reason a line.</summary>
    public string? Verdict { get; init; }

    /// <summary>The findings waived, one a line with the waiver's owner, expiry and reason; the counts leave them out.</summary>
    public string? Waived { get; init; }
}
