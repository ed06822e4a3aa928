namespace ManageIQ.OpenScap.State.Results;

/// <summary>
/// Scan history, the latest result per image and the outbox of results waiting to be posted. A result is
/// committed (fsynced) before anything is posted; it leaves the outbox only through <see cref="MarkDeliveredAsync"/>.
/// </summary>
public interface IResultStore
{
    /// <summary>
    /// Records a result in the history. When it is the image's newest (by scan time, then by record order) it
    /// becomes the latest and replaces any result of the image still waiting in the outbox; an older one only
    /// joins the history. Throws <see cref="ArgumentException"/> for an invalid result.
    /// </summary>
    Task<RecordOutcome> RecordAsync(ScanResultRecord result, CancellationToken cancellationToken = default);

    Task<StoredResult?> GetLatestAsync(long imageId, CancellationToken cancellationToken = default);

    /// <summary>The image's recorded results, newest first, at most <paramref name="limit"/>; all but the latest without attributes.</summary>
    Task<IReadOnlyList<StoredResult>> GetHistoryAsync(long imageId, int limit, CancellationToken cancellationToken = default);

    /// <summary>The ids of images that have a latest result, above <paramref name="afterImageId"/>, ascending, at most <paramref name="limit"/>: pages for judging every stored result again.</summary>
    Task<IReadOnlyList<long>> ListLatestImageIdsAsync(long afterImageId, int limit, CancellationToken cancellationToken = default);

    Task<OutboxEntry?> GetOutboxEntryAsync(long imageId, CancellationToken cancellationToken = default);

    /// <summary>Images whose waiting result is due at <paramref name="now"/>, the longest-due first.</summary>
    Task<IReadOnlyList<long>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many results wait in the outbox (for back-pressure).</summary>
    Task<int> CountWaitingAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// ManageIQ answered 200 to result <paramref name="seq"/>: it is marked posted and leaves the outbox unless a
    /// newer result replaced it meanwhile (then false, and the newer one waits).
    /// </summary>
    Task<bool> MarkDeliveredAsync(long imageId, long seq, CancellationToken cancellationToken = default);

    /// <summary>A delivery of <paramref name="seq"/> failed: one more attempt counted, the reason and the next attempt's time stored.</summary>
    Task MarkFailedAsync(long imageId, long seq, string reason, DateTimeOffset nextAttemptOn, CancellationToken cancellationToken = default);

    /// <summary>The image is gone from ManageIQ: its waiting result <paramref name="seq"/> leaves the outbox unposted (kept in the history).</summary>
    Task<bool> AbandonAsync(long imageId, long seq, CancellationToken cancellationToken = default);
}
