using ManageIQ.OpenScap.Kubernetes.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>Sweeps at start, then every <c>Kubernetes:OrphanSweepInterval</c>; a failed sweep is logged, never fatal.</summary>
internal sealed class OrphanSweepService(
    IOrphanPodSweeper sweeper,
    IOptions<KubernetesScanningOptions> options,
    TimeProvider time,
    ILogger<OrphanSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
