namespace ManageIQ.OpenScap.Demo.Display;

/// <summary>One image's line of the final table, read from the bridge's store.</summary>
public sealed record ResultRow
{
    public required string Image { get; init; }

    public required string Title { get; init; }

    /// <summary><c>compliant</c>, <c>non_compliant</c> or <c>error</c>; null when the store has no result.</summary>
    public string? Status { get; init; }

    public int FailedHigh { get; init; }

    public int FailedMedium { get; init; }

    public int FailedLow { get; init; }

    public int FailedOther { get; init; }

    public int Cves { get; init; }

    /// <summary><c>openscap_cve_highest_severity</c>: a severity or <c>none</c>.</summary>
    public string? HighestCveSeverity { get; init; }

    /// <summary>The first CVE ids, highest severity first.</summary>
    public IReadOnlyList<string> CveIds { get; init; } = [];

    public string? CompactReport { get; init; }

    public string? Arf { get; init; }

    public DateTimeOffset? ScannedOn { get; init; }

    /// <summary>Scanned by this run, rather than kept from an earlier one.</summary>
    public bool ScannedNow { get; init; }

    public string? Error { get; init; }
}
