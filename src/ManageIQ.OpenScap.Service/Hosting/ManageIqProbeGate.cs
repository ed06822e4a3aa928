using ManageIQ.OpenScap.Control.Configuration;
using ManageIQ.OpenScap.ManageIq.Probing;
using ManageIQ.OpenScap.Service.Configuration;
using ManageIQ.OpenScap.Service.Health;
using ManageIQ.OpenScap.Service.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Service.Hosting;

/// <summary>
/// The start-up probe of ManageIQ as a start gate: a supported API version and every product feature the service
/// needs (<see cref="Required"/>), or the start is refused with the probe's one line; the missing features of what it
/// can do without (<see cref="Reported"/>) are logged as a warning. A ManageIQ that does not answer is tried again every
/// <c>Bridge:Startup:ProbeRetryDelay</c>: a bridge started before its appliance waits for it rather than crash-looping.
/// </summary>
public sealed class ManageIqProbeGate(
    IManageIqProbe probe,
    ManageIqReachability reachability,
    IOptions<ServiceOptions> options,
    IOptions<BridgePoliciesOptions> policies,
    TimeProvider time,
    ILogger<ManageIqProbeGate> logger) : IServiceStartGate
{
    /// <summary>What <c>bridge serve</c> does in ManageIQ whatever its configuration: list, read and publish.</summary>
    public const ManageIqCapabilities Needed = ManageIqCapabilities.Scanning;

    /// <summary>What the start is refused without: scanning, and reading assignments when scanning follows them.</summary>
    public ManageIqCapabilities Required =>
        Needed | (options.Value.Providers.Mode == ProviderSelectionMode.Assigned ? ManageIqCapabilities.AssignedProviders : ManageIqCapabilities.None);

    /// <summary>
    /// What is reported but does not refuse the start: the compliance check after publishing, and the registration
    /// (and assignment) at start when configured. Each logs its own failure when it runs; scanning does not need them.
    /// </summary>
    public ManageIqCapabilities Reported =>
        ManageIqCapabilities.ComplianceCheck
        | (policies.Value.RegisterOnStart ? ManageIqCapabilities.PolicyRegistration : ManageIqCapabilities.None)
        | (policies.Value.RegisterOnStart && policies.Value.AssignTo.Count > 0 ? ManageIqCapabilities.PolicyAssignment : ManageIqCapabilities.None);

    public string Name => "the start-up probe of ManageIQ";

    public async Task<CancellationToken> WaitOpenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await probe.ProbeAsync(Required, Reported, cancellationToken).ConfigureAwait(false);
            if (result.IsReady)
            {
                reachability.Reached();
                return CancellationToken.None;
            }

            if (result.Outcome != ManageIqProbeOutcome.Unreachable)
            {
                throw new ServiceStartRefusedException(result.Message, new ManageIqProbeException(result));
            }

            reachability.Failed(result.Message);
            var delay = options.Value.Startup.ProbeRetryDelay;
            Log.ProbeRetrying(logger, delay.TotalSeconds, result.Message);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
