namespace ManageIQ.OpenScap.State.Configuration;

/// <summary>
/// How much scan history is kept (<c>Bridge:History</c>). The latest result of an image and any result still
/// waiting in the outbox are always kept, whatever their age.
/// </summary>
public sealed class HistoryRetentionOptions
{
    /// <summary>Results older than this (by scan time) are deleted.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(90);

    /// <summary>At most this many results are kept per image, the newest.</summary>
    public int MaxPerImage { get; set; } = 20;

    /// <summary>How often history is compacted: expired rows deleted, then freed pages returned to the file system.</summary>
    public TimeSpan CompactionInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The most rows one compaction deletes; the rest wait for the next one, so a compaction stays short.</summary>
    public int MaxDeletesPerCompaction { get; set; } = 20_000;

    /// <summary>The most free pages (4 KiB each) one compaction returns to the file system.</summary>
    public int MaxVacuumPagesPerCompaction { get; set; } = 25_000;
}
