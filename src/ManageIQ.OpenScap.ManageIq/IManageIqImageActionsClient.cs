using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.ManageIq;

/// <summary>Actions on container images: ManageIQ's own scan and the compliance check. Failures are <see cref="Errors.ManageIqException"/>s, as for <see cref="IManageIqClient"/>.</summary>
public interface IManageIqImageActionsClient
{
    /// <summary>ManageIQ's own SmartState scan of the image. Its task id is the raised event's, not a job's.</summary>
    Task<ActionResult> ScanContainerImageAsync(long imageId, CancellationToken cancellationToken = default);

    /// <summary>Queues a compliance check; ManageIQ refuses (400) when no compliance policy applies.</summary>
    Task<ActionResult> CheckComplianceAsync(long imageId, CancellationToken cancellationToken = default);
}
