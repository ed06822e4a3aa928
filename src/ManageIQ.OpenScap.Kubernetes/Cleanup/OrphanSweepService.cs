using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.Kubernetes.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>
/// Sweeps at start, then every <c>Kubernetes:OrphanSweepInterval</c>; a failed sweep is logged, never fatal. With an
/// <see cref="IActiveTerm"/> it sweeps only while this replica is the active bridge: a standby would delete the
/// holder's running pods.
/// </summary>
internal sealed class OrphanSweepService(
    IOrphanPodSweeper sweeper,
    IOptions<KubernetesScanningOptions> options,
    TimeProvider time,
    ILogger<OrphanSweepService> logger,
    IActiveTerm? term = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (term is null)
        {
            await SweepUntilAsync(stoppingToken);
            return;
        }

        CancellationToken lost;
        try
        {
            lost = await term.WaitActiveAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using var active = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lost);
        await SweepUntilAsync(active.Token);
    }

    private async Task SweepUntilAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sweeper.SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.SweepFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.Value.OrphanSweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
