using System.Collections.Concurrent;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Service.Benchmarks;

/// <summary>
/// A backend that does no work: it reports the kubernetes backend's progress (starting, collecting, finished) and
/// returns the stored report at once, naming the image the job expected. It stands in for every backend.
/// </summary>
internal sealed class StubScanBackend(StoredReport stored, BackendCounter counter) : IScanBackend
{
    public string Name => ScanBackendNames.Local;

    public Task<ScanReport> ScanAsync(ScanJob job, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        counter.Scanned(job);
        progress?.Report(new ScanProgress(ScanStage.Starting, "stub"));
        progress?.Report(new ScanProgress(ScanStage.Collecting, "stub"));
        var report = ImageIdentityCheck.Apply(stored.For(job), job);
        progress?.Report(new ScanProgress(ScanStage.Finished, job.Image));
        return Task.FromResult(report);
    }
}

/// <summary>The scans the stub was asked for, and their distinct digests.</summary>
internal sealed class BackendCounter
{
    private readonly ConcurrentDictionary<string, int> _digests = new(StringComparer.Ordinal);
    private int _scans;

    public int Scans => Volatile.Read(ref _scans);

    public int DistinctDigests => _digests.Count;

    public void Scanned(ScanJob job)
    {
        Interlocked.Increment(ref _scans);
        _digests.AddOrUpdate(job.ExpectedIdentity ?? job.Image, 1, (_, n) => n + 1);
    }
}

/// <summary>
/// Replaces the SCAP results reader in the service: every call is counted and fails, so a service path that
/// summarised an ARF of its own would show here and in its results.
/// </summary>
internal sealed class CountingResultReader : IScapResultReader
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<ScapSummary> SummarizeAsync(Stream input, string sourceName, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        throw new ScapFormatException($"The service asked to parse {sourceName}: no ARF is parsed on the service path.");
    }
}
