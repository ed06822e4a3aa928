using System.Collections.Concurrent;
using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Service.Tests;

/// <summary>
/// A real backend, counted: every scan it was asked for, how many ran at once (overall and per provider), and an
/// optional hold that keeps scans from finishing until the test says so.
/// </summary>
internal sealed class RecordingBackend(IScanBackend inner, ScanCounter counter) : IScanBackend
{
    public string Name => inner.Name;

    public string? ContentSource => inner.ContentSource;

    public async Task<ScanReport> ScanAsync(ScanJob job, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        counter.Started(job);
        try
        {
            await counter.HoldAsync(job, cancellationToken);
            return await inner.ScanAsync(job, progress, cancellationToken);
        }
        finally
        {
            counter.Finished(job);
        }
    }
}

/// <summary>What <see cref="RecordingBackend"/> saw.</summary>
internal sealed class ScanCounter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _runningByProvider = new(StringComparer.Ordinal);
    private int _running;

    public ConcurrentQueue<ScanJob> Jobs { get; } = new();

    public int MaxRunning { get; private set; }

    public int MaxRunningPerProvider { get; private set; }

    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>When set, a scan waits until this returns true (or it is cancelled).</summary>
    public Func<ScanJob, bool>? Hold { get; set; }

    public void Started(ScanJob job)
    {
        Jobs.Enqueue(job);
        lock (_gate)
        {
            _running++;
            var provider = job.ProviderId ?? string.Empty;
            _runningByProvider[provider] = _runningByProvider.GetValueOrDefault(provider) + 1;
            MaxRunning = Math.Max(MaxRunning, _running);
            MaxRunningPerProvider = Math.Max(MaxRunningPerProvider, _runningByProvider[provider]);
        }
    }

    public void Finished(ScanJob job)
    {
        lock (_gate)
        {
            _running--;
            _runningByProvider[job.ProviderId ?? string.Empty]--;
        }
    }

    public async Task HoldAsync(ScanJob job, CancellationToken cancellationToken)
    {
        while (Hold is { } hold && hold(job))
        {
            await Task.Delay(20, cancellationToken);
        }
    }
}
