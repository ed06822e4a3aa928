using ManageIQ.OpenScap.Analysis;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Service.Discovery;
using ManageIQ.OpenScap.State.Queue;

namespace ManageIQ.OpenScap.Service.Observing;

/// <summary>
/// Told what the service does as it does it, for a console that shows it live (<c>bridge demo</c>). Register any
/// number with <c>services.AddSingleton&lt;IServiceObserver, T&gt;()</c>; none are registered by default. The calls
/// come on the service's own threads, scans in parallel: return at once and never throw (a throw inside a scan fails
/// that scan).
/// </summary>
public interface IServiceObserver
{
    /// <summary>A discovery pass over the selected providers ended.</summary>
    void Discovered(DiscoveryReport report)
    {
    }

    /// <summary>A scan taken from the queue is about to run on its backend.</summary>
    void ScanStarted(QueuedScan scan, ContainerImage image)
    {
    }

    /// <summary>The backend reported progress of the scan.</summary>
    void ScanProgressed(QueuedScan scan, ScanProgress progress)
    {
    }

    /// <summary>The scan's result is being composed, recorded and posted.</summary>
    void ScanPublishing(QueuedScan scan)
    {
    }

    /// <summary>
    /// The queued scan ended: <paramref name="analysis"/> says what was published; without it,
    /// <paramref name="reason"/> says why nothing was scanned (unchanged since the last result, archived, gone).
    /// </summary>
    void ScanFinished(QueuedScan scan, ImageAnalysis? analysis, string? reason)
    {
    }
}
