using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Publishing;

/// <summary>
/// What one scan posts on one ManageIQ container image: the scan's report reduced to the facts the
/// <c>openscap_</c> attributes carry. A failed scan has no <see cref="Summary"/> and an <see cref="Error"/>.
/// </summary>
public sealed record PublishedScan
{
    public required string ScanId { get; init; }

    public required DateTimeOffset ScannedOn { get; init; }

    /// <summary>The digest ManageIQ lists for the image: what the service compares to skip an unchanged image.</summary>
    public required string Digest { get; init; }

    /// <summary>The platform manifest pulled, when it differs from <see cref="Digest"/> (ManageIQ listed an index).</summary>
    public string? ManifestDigest { get; init; }

    /// <summary>For example <c>debian 12</c>.</summary>
    public string? Distribution { get; init; }

    /// <summary>The scan contract's content fingerprint.</summary>
    public string? Content { get; init; }

    /// <summary>The CVE feed's own date; null when the scan had no feed.</summary>
    public DateTimeOffset? FeedUpdatedOn { get; init; }

    /// <summary>The scan's findings after waivers: what the counts and lists posted are made of.</summary>
    public ScapSummary? Summary { get; init; }

    /// <summary>Why the evaluator decided as it did (<c>openscap_compliance_reasons</c>).</summary>
    public IReadOnlyList<string> ComplianceReasons { get; init; } = [];

    /// <summary>The findings waived, each with its waiver's reason, owner and expiry (<c>openscap_waived</c>).</summary>
    public IReadOnlyList<string> Waived { get; init; } = [];

    /// <summary>Why the scan failed; null for a scan that produced results.</summary>
    public string? Error { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public string? ReportUrl { get; init; }

    /// <summary>The compact report, gzip-compressed and base64-encoded.</summary>
    public string? ReportHtml { get; init; }
}
