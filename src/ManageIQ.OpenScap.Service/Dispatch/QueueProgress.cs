using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Service.Observing;
using ManageIQ.OpenScap.State.Queue;

namespace ManageIQ.OpenScap.Service.Dispatch;

/// <summary>
/// Moves the queued scan to <see cref="ScanState.Evaluating"/> when its backend reports oscap started, and passes
/// every report on to the observers.
/// </summary>
internal sealed class QueueProgress(IScanQueue queue, QueuedScan scan, IServiceObserver[] observers) : IProgress<ScanProgress>
{
    private int _evaluating;

    public void Report(ScanProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Stage >= ScanStage.Scanning && Interlocked.Exchange(ref _evaluating, 1) == 0)
        {
            // The store is synchronous under its Task surface; a failed move only loses a timing.
            try
            {
                queue.AdvanceAsync(scan.Id, ScanState.Evaluating).GetAwaiter().GetResult();
            }
            catch (InvalidOperationException)
            {
            }
        }

        foreach (var observer in observers)
        {
            observer.ScanProgressed(scan, value);
        }
    }
}
