using System.Collections.Concurrent;
using ManageIQ.OpenScap.Service.Configuration;
using ManageIQ.OpenScap.Service.Logging;
using ManageIQ.OpenScap.State.Queue;
using ManageIQ.OpenScap.State.Results;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Service.Dispatch;

/// <summary>
/// Takes scans from the queue within the limits (per provider, global; the queue never hands out one image or
/// digest twice at once) and runs each as a <see cref="ScanExecution"/>. While the outbox holds
/// <c>Bridge:BackPressure:MaxWaiting</c> results it takes nothing. At a stop it takes nothing more, gives the scans in
/// flight <c>Bridge:Shutdown:Grace</c>, then cuts them off; they stay in flight in the store and are queued again at
/// the next start. A failed iteration is logged and the loop goes on.
/// </summary>
public sealed class ScanDispatcher
{
    private readonly IScanQueue _queue;
    private readonly IResultStore _store;
    private readonly ScanExecution _execution;
    private readonly DispatchSignal _signal;
    private readonly IOptionsMonitor<ServiceOptions> _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, Task> _running = new();

    public ScanDispatcher(IScanQueue queue, IResultStore store, ScanExecution execution, DispatchSignal signal, IOptionsMonitor<ServiceOptions> options, ILogger<ScanDispatcher> logger)
    {
        _queue = queue;
        _store = store;
        _execution = execution;
        _signal = signal;
        _options = options;
        _logger = logger;
    }

    /// <summary>Scans running now (for tests and the API).</summary>
    public int Running => _running.Count;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var scans = new CancellationTokenSource();
        var paused = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var options = _options.CurrentValue;
            try
            {
                var waiting = await _store.CountWaitingAsync(stoppingToken).ConfigureAwait(false);
                if (waiting >= options.BackPressure.MaxWaiting)
                {
                    if (!paused)
                    {
                        Log.BackPressurePaused(_logger, waiting, options.BackPressure.MaxWaiting);
                        paused = true;
                    }

                    await _signal.WaitAsync(options.BackPressure.PollInterval, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                if (paused)
                {
                    Log.BackPressureResumed(_logger, waiting);
                    paused = false;
                }

                var scan = await _queue.DequeueAsync(ScanLimitsFactory.From(options), stoppingToken).ConfigureAwait(false);
                if (scan is null)
                {
                    await _signal.WaitAsync(options.BackPressure.PollInterval, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                _running[scan.Id] = RunOneAsync(scan, scans.Token);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                Log.DispatchFailed(_logger, e.Message);
                await _signal.WaitAsync(options.BackPressure.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }

        await DrainAsync(scans).ConfigureAwait(false);
    }

    private async Task DrainAsync(CancellationTokenSource scans)
    {
        var grace = _options.CurrentValue.Shutdown.Grace;
        var inFlight = _running.Values.ToArray();
        if (inFlight.Length == 0)
        {
            return;
        }

        Log.Stopping(_logger, inFlight.Length, grace.TotalSeconds);
        var all = Task.WhenAll(inFlight);
        if (await Task.WhenAny(all, Task.Delay(grace, CancellationToken.None)).ConfigureAwait(false) != all)
        {
            await scans.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None)).ConfigureAwait(false);
        }
    }

    private async Task RunOneAsync(QueuedScan scan, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await _execution.RunAsync(scan, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cut off by the stop: left in flight, queued again at the next start.
        }
        catch (Exception e)
        {
            Log.ScanCrashed(_logger, scan.Id, scan.ImageId, e.Message);
            try
            {
                await _queue.AdvanceAsync(scan.Id, ScanState.Failed, e.Message, CancellationToken.None).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // It was finished already.
            }
        }
        finally
        {
            _running.TryRemove(scan.Id, out _);
            _signal.Wake();
        }
    }
}
