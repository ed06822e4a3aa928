using ManageIQ.OpenScap.Analysis;
using ManageIQ.OpenScap.Service.Configuration;
using ManageIQ.OpenScap.Service.Discovery;
using ManageIQ.OpenScap.Service.Logging;
using ManageIQ.OpenScap.State.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Service.Dispatch;

/// <summary>
/// Delivers the outbox's due results every <c>Bridge:BackPressure:DeliveryInterval</c>; a failed pass is logged and the
/// loop goes on. A result delivered late is followed up (<see cref="IPostedResultFollowUp"/>) as one posted at once,
/// for the images of the last listing.
/// </summary>
public sealed class OutboxDelivery(IOutboxPublisher outbox, DispatchSignal signal, ImageCatalog catalog, IEnumerable<IPostedResultFollowUp> followUps, IOptionsMonitor<ServiceOptions> options, TimeProvider time, ILogger<OutboxDelivery> logger)
{
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CurrentValue.BackPressure.DeliveryInterval, time, stoppingToken).ConfigureAwait(false);
                await DeliverOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.OutboxFailed(logger, e.Message);
            }
        }
    }

    public async Task DeliverOnceAsync(CancellationToken cancellationToken)
    {
        var report = await outbox.DeliverDueAsync(cancellationToken).ConfigureAwait(false);
        foreach (var delivered in report.Outcomes.Where(o => o.Status == DeliveryStatus.Delivered))
        {
            if (catalog.Find(delivered.ImageId) is { } image)
            {
                foreach (var followUp in followUps)
                {
                    await followUp.AfterPostedAsync(image, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        if (report.Outcomes.Count > 0)
        {
            Log.OutboxDelivered(logger, report.Delivered, report.Outcomes.Count - report.Delivered + report.Left);
            signal.Wake();
        }
    }
}
