using ManageIQ.OpenScap.State.Queue;

namespace ManageIQ.OpenScap.Service.Dispatch;

/// <summary>Scans asked for by a person or an automate method: queued at the highest priority.</summary>
public interface IScanRequests
{
    /// <summary>
    /// Queues a scan of the ManageIQ container image ahead of new images and full scans. Throws
    /// <see cref="ManageIq.Errors.ManageIqException"/> when ManageIQ cannot show the image, and
    /// <see cref="InvalidOperationException"/> when it is archived.
    /// </summary>
    Task<QueuedScan> RequestScanAsync(long imageId, CancellationToken cancellationToken = default);
}
