using ManageIQ.OpenScap.State.Configuration;
using ManageIQ.OpenScap.State.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.State.History;

/// <summary>
/// Compacts the history at start and then every <c>Bridge:History:CompactionInterval</c>; a failed compaction
/// is logged and the next one runs on schedule. While rows remain past a compaction's bound, the next follows at once.
/// </summary>
public sealed class HistoryCompactionService : BackgroundService
{
    private readonly HistoryCompactor _compactor;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public HistoryCompactionService(HistoryCompactor compactor, IOptions<StateStoreOptions> options, TimeProvider time, ILogger<HistoryCompactionService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _compactor = compactor;
        _interval = options.Value.History.CompactionInterval;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = (await _compactor.CompactAsync(stoppingToken)).MoreToDelete;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A bad compaction must not stop the service; it is logged and retried on schedule.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                Log.CompactionFailed(_logger, _interval, e.Message);
            }

            try
            {
                await Task.Delay(more ? TimeSpan.Zero : _interval, _time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
