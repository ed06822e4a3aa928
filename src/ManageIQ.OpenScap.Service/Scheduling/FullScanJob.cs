using System.Globalization;
using ManageIQ.OpenScap.Service.Discovery;
using ManageIQ.OpenScap.Service.Dispatch;
using ManageIQ.OpenScap.Service.Logging;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ManageIQ.OpenScap.Service.Scheduling;

/// <summary>A provider's full-scan job (its id in the trigger's <see cref="ProviderIdKey"/>): every image queued at the nightly priority unless fresh.</summary>
[DisallowConcurrentExecution]
public sealed class FullScanJob(ImageDiscovery discovery, DispatchSignal signal, ILogger<FullScanJob> logger) : IJob
{
    public const string ProviderIdKey = "providerId";
    public static readonly JobKey Key = new("full-scan", "bridge");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.MergedJobDataMap.TryGetValue(ProviderIdKey, out var value) || value is null)
        {
            return;
        }

        var providerId = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        try
        {
            var report = await discovery.FullScanAsync(providerId, cancellationToken).ConfigureAwait(false);
            if (report.Queued > 0)
            {
                signal.Wake();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.FullScanFailed(logger, providerId, e.Message);
        }
    }
}
