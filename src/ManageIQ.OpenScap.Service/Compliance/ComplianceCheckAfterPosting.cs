using ManageIQ.OpenScap.Analysis;
using ManageIQ.OpenScap.Control.Assignments;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Errors;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Service.Configuration;
using ManageIQ.OpenScap.Service.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Service.Compliance;

/// <summary>
/// ManageIQ's compliance loop: once an image's result is posted, asks ManageIQ to <c>check_compliance</c> on it, so
/// its compliance record, <c>last_compliance_status</c> and passed/failed events follow the bridge's attributes. Only
/// when the image's provider has one of the bridge's profiles assigned: ManageIQ refuses the call when no compliance
/// policy applies. Whether it has is taken from the last read of the provider's profiles when it is at most
/// <c>Bridge:Discovery:Interval</c> old (each discovery reads them in the assigned mode), so publishing adds one
/// request per image, not two. A refusal or no answer is logged; the result stays posted.
/// </summary>
public sealed class ComplianceCheckAfterPosting(
    BridgeProfileAssignments assignments,
    IManageIqImageActionsClient client,
    IOptions<DiscoveryOptions> discovery,
    ILogger<ComplianceCheckAfterPosting> logger) : IPostedResultFollowUp
{
    public async Task AfterPostedAsync(ContainerImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.EmsId is not { } provider)
        {
            return;
        }

        try
        {
            if (!await assignments.IsAssignedAsync(provider, discovery.Value.Interval, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var result = await client.CheckComplianceAsync(image.Id, cancellationToken).ConfigureAwait(false);
            Log.ComplianceCheckRequested(logger, image.Id, provider, result.TaskId);
        }
        catch (ManageIqException e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ComplianceCheckFailed(logger, image.Id, provider, e.Message);
        }
    }
}
