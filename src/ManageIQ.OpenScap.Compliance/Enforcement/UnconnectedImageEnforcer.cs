using ManageIQ.OpenScap.Compliance.Logging;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Compliance.Enforcement;

/// <summary>The enforcer when the bridge has no cluster connection at all (the local backend, the demo): one information line.</summary>
internal sealed class UnconnectedImageEnforcer(ILogger<UnconnectedImageEnforcer> logger) : IImageEnforcer
{
    public Task EnforceAsync(ImageEnforcementRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Log.EnforcementNoCluster(logger, request.Digest, request.ProviderId);
        return Task.CompletedTask;
    }
}
