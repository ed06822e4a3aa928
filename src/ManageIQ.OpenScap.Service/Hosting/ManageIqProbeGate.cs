using ManageIQ.OpenScap.ManageIq.Probing;
using ManageIQ.OpenScap.Service.Configuration;
using ManageIQ.OpenScap.Service.Health;
using ManageIQ.OpenScap.Service.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Service.Hosting;

/// <summary>
/// The start-up probe of ManageIQ as a start gate: a supported API version and every product feature the service
/// needs, or the start is refused with the probe's one line. A ManageIQ that does not answer is tried again every
/// <c>Bridge:Startup:ProbeRetryDelay</c>: a bridge started before its appliance waits for it rather than crash-looping.
/// </summary>
public sealed class ManageIqProbeGate(
    IManageIqProbe probe,
    ManageIqReachability reachability,
    IOptions<ServiceOptions> options,
    TimeProvider time,
    ILogger<ManageIqProbeGate> logger) : IServiceStartGate
{
    /// <summary>What <c>bridge serve</c> does in ManageIQ: list, read and publish.</summary>
    public const ManageIqCapabilities Needed = ManageIqCapabilities.Scanning;

    public string Name => "the start-up probe of ManageIQ";

    public async Task<CancellationToken> WaitOpenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await probe.ProbeAsync(Needed, cancellationToken).ConfigureAwait(false);
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
