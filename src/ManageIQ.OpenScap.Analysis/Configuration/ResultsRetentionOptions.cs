namespace ManageIQ.OpenScap.Analysis.Configuration;

/// <summary>
/// How long and how much of the full results are kept (<c>Bridge:Results</c>). A CVE-feed scan's ARF and oscap
/// HTML run to hundreds of MB, so both limits apply; the newest scan of each image is kept whatever the size.
/// </summary>
public sealed class ResultsRetentionOptions
{
    /// <summary>Scan directories older than this are deleted.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Above this total, the oldest scan directories are deleted first (the newest of each image stays).</summary>
    public long MaxTotalBytes { get; set; } = 20L << 30;
}
