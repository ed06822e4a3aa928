using ManageIQ.OpenScap.ManageIq.Http;
using ManageIQ.OpenScap.ManageIq.Models;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq;

/// <summary>The container image actions <c>scan</c> and <c>check_compliance</c>. Writes: never retried.</summary>
public sealed partial class ManageIqClient
{
    public Task<ActionResult> ScanContainerImageAsync(long imageId, CancellationToken cancellationToken = default) =>
        ImageActionAsync(imageId, "scan", cancellationToken);

    public Task<ActionResult> CheckComplianceAsync(long imageId, CancellationToken cancellationToken = default) =>
        ImageActionAsync(imageId, "check_compliance", cancellationToken);

    private async Task<ActionResult> ImageActionAsync(long imageId, string action, CancellationToken cancellationToken)
    {
        var request = ApiRequest.Post($"api/container_images/{Id(imageId)}", new JObject { ["action"] = action });
        return Json.To<ActionResult>(await _connection.SendAsync(request, cancellationToken), request.Describe);
    }
}
