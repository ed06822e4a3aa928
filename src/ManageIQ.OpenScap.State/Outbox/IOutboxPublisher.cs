using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.State.Outbox;

/// <summary>
/// Posts waiting results to ManageIQ: per image one read of its attributes, one upsert, and one delete only when
/// stale <c>openscap_</c> attributes remain; at most 3 requests beyond authentication. Delivery is at least once
/// and converges: after any crash, a later delivery leaves the image's attributes equal to its latest result.
/// </summary>
public interface IOutboxPublisher
{
    /// <summary>Delivers the image's waiting result now, whatever its next-attempt time.</summary>
    Task<DeliveryOutcome> DeliverAsync(long imageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Delivers the image's waiting result now, planning from <paramref name="currentAttributes"/> (the image's
    /// attributes in all sections, as the caller just read them) instead of reading them again: one request fewer.
    /// </summary>
    Task<DeliveryOutcome> DeliverAsync(long imageId, IReadOnlyList<CustomAttribute> currentAttributes, CancellationToken cancellationToken = default);

    /// <summary>Delivers the due results, oldest-due first, stopping at the first sign that ManageIQ is unreachable.</summary>
    Task<DeliveryReport> DeliverDueAsync(CancellationToken cancellationToken = default);

    /// <summary>As <see cref="DeliverDueAsync(CancellationToken)"/>, for the results due by <paramref name="dueBy"/> (an operator's run delivers what waits, backoff or not).</summary>
    Task<DeliveryReport> DeliverDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken = default);
}
