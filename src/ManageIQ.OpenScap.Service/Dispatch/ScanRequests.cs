using ManageIQ.OpenScap.Analysis.Composing;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.Service.Logging;
using ManageIQ.OpenScap.State.Queue;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Service.Dispatch;

/// <summary><see cref="IScanRequests"/>: the image is read from ManageIQ, queued as <see cref="ScanPriority.Requested"/>, the dispatcher woken.</summary>
public sealed class ScanRequests(IManageIqClient client, IScanQueue queue, DispatchSignal signal, ILogger<ScanRequests> logger) : IScanRequests
{
    public async Task<QueuedScan> RequestScanAsync(long imageId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageId);
        var image = await client.GetContainerImageAsync(imageId, cancellationToken).ConfigureAwait(false);
        if (image.DeletedOn is not null || image.EmsId is null)
        {
            throw new InvalidOperationException($"Container image {imageId} is archived or belongs to no provider in ManageIQ: there is nothing to scan.");
        }

        var scan = await queue.EnqueueAsync(new ScanRequest(imageId, image.EmsId.Value, ResultComposer.ListedDigest(image), ScanPriority.Requested), cancellationToken).ConfigureAwait(false);
        Log.ScanRequested(logger, scan.Id, imageId);
        signal.Wake();
        return scan;
    }
}
