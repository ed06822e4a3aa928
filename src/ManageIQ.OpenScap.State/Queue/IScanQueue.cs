using System.Diagnostics.CodeAnalysis;

namespace ManageIQ.OpenScap.State.Queue;

/// <summary>
/// The persisted scan queue: at most one waiting scan per image, taken by priority then age within the limits,
/// never two scans of one image or one digest in flight at once, and nothing lost across a restart.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is the scan queue of issue 12, persisted; not a Queue<T>.")]
public interface IScanQueue
{
    /// <summary>
    /// Queues a scan. When the image already waits, that scan keeps its place, takes the higher of the two
    /// priorities and the newer digest, and is returned.
    /// </summary>
    Task<QueuedScan> EnqueueAsync(ScanRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the next scan that fits the limits (the provider's, the global one, and no scan of its image or digest
    /// in flight) and moves it to <see cref="ScanState.Pulling"/>; null when none fits.
    /// </summary>
    Task<QueuedScan?> DequeueAsync(ScanLimits limits, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves an in-flight scan forward (pulling, evaluating, publishing) or finishes it (done, failed with a
    /// reason); throws <see cref="InvalidOperationException"/> for any other move.
    /// </summary>
    Task<QueuedScan> AdvanceAsync(long scanId, ScanState target, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes every waiting scan of another image listing <paramref name="digest"/> (the digest's own scan is in
    /// flight as <paramref name="scanId"/>) and moves them to <see cref="ScanState.Publishing"/>: they share its
    /// result, so they need no scan of their own and count against no limit.
    /// </summary>
    Task<IReadOnlyList<QueuedScan>> ClaimSharingDigestAsync(long scanId, string digest, CancellationToken cancellationToken = default);

    /// <summary>At start: scans left in flight by a stop are queued again, keeping their place.</summary>
    Task<RequeueReport> RequeueInFlightAsync(CancellationToken cancellationToken = default);

    /// <summary>Drops the image's waiting scan (the image was archived or disappeared); false when none waited.</summary>
    Task<bool> DropQueuedAsync(long imageId, string reason, CancellationToken cancellationToken = default);

    Task<QueuedScan?> GetAsync(long scanId, CancellationToken cancellationToken = default);

    /// <summary>Scans in <paramref name="state"/> (all when null), newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<QueuedScan>> ListAsync(ScanState? state, int limit, CancellationToken cancellationToken = default);
}
