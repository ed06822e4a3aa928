using ManageIQ.OpenScap.Analysis.Reevaluation;
using ManageIQ.OpenScap.Compliance.Waivers;
using ManageIQ.OpenScap.Service.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Service.Waivers;

/// <summary>
/// Looks at the waiver file every <c>Bridge:Waivers:CheckInterval</c> while this replica is active: when the file
/// changed (and was accepted) or a waiver expired, every stored result is judged again and the changed ones are
/// posted, without a rescan. A failed pass is logged and the loop goes on.
/// </summary>
public sealed class WaiverWatch(IWaiverCatalog waivers, StoredResultRejudge rejudge, IOptions<WaiverOptions> options, TimeProvider time, ILogger<WaiverWatch> logger)
{
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.CheckInterval, time, stoppingToken).ConfigureAwait(false);
                await LookOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.WaiverWatchFailed(logger, e.Message);
            }
        }
    }

    /// <summary>One look: true when the waivers changed and the stored results were judged again.</summary>
    public async Task<bool> LookOnceAsync(CancellationToken cancellationToken)
    {
        if (!waivers.Refresh().ChangesVerdicts)
        {
            return false;
        }

        await rejudge.RejudgeAllAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
