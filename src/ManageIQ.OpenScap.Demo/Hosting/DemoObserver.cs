using System.Collections.Concurrent;
using ManageIQ.OpenScap.Analysis;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Demo.Display;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Service.Discovery;
using ManageIQ.OpenScap.Service.Observing;
using ManageIQ.OpenScap.State.Queue;

namespace ManageIQ.OpenScap.Demo.Hosting;

/// <summary>
/// The service's events on the demo's display, by image name; it also remembers what this run discovered and which
/// images it scanned. It never throws into the service: a display that fails only loses a line.
/// </summary>
public sealed class DemoObserver(IDemoDisplay display, IReadOnlyDictionary<long, string> names) : IServiceObserver
{
    private readonly TaskCompletionSource<DiscoveryReport> _discovered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<long, ImageAnalysis> _scanned = new();
    private readonly ConcurrentDictionary<long, string> _unscanned = new();

    /// <summary>Completes with the first discovery pass.</summary>
    public Task<DiscoveryReport> FirstDiscovery => _discovered.Task;

    /// <summary>The images this run scanned, with what was published.</summary>
    public IReadOnlyDictionary<long, ImageAnalysis> Scanned => _scanned;

    /// <summary>Queued scans that ended without a scan, and why.</summary>
    public IReadOnlyDictionary<long, string> Unscanned => _unscanned;

    public void Discovered(DiscoveryReport report)
    {
        if (_discovered.TrySetResult(report))
        {
            Safely(() => display.Discovered(report));
        }
    }

    public void ScanStarted(QueuedScan scan, ContainerImage image) => Safely(() => display.ScanStarted(Name(scan)));

    public void ScanProgressed(QueuedScan scan, ScanProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.Stage != ScanStage.Finished)
        {
            Safely(() => display.ScanProgress(Name(scan), ScanPhases.Of(progress.Stage), progress.Message));
        }
    }

    public void ScanPublishing(QueuedScan scan) => Safely(() => display.ScanProgress(Name(scan), ScanPhases.Publishing, "publishing the openscap_ attributes to ManageIQ"));

    public void ScanFinished(QueuedScan scan, ImageAnalysis? analysis, string? reason)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (analysis is null)
        {
            _unscanned[scan.ImageId] = reason ?? "not scanned";
            Safely(() => display.ScanFinished(Name(scan), reason ?? "not scanned", failed: false));
            return;
        }

        _scanned[scan.ImageId] = analysis;
        var failed = analysis.Report?.Outcome != ScanOutcome.Completed;
        var outcome = failed
            ? $"{analysis.Report?.ErrorKind}: {analysis.Report?.ErrorMessage}"
            : $"{analysis.Result!.Status.ToWire()}, posted to ManageIQ ({analysis.Status}) in {DemoText.Seconds(analysis.Report!.Timings.Total)}";
        Safely(() => display.ScanFinished(Name(scan), outcome, failed));
    }

    private string Name(QueuedScan scan) => names.TryGetValue(scan.ImageId, out var name) ? name : "image " + scan.ImageId;

    private static void Safely(Action show)
    {
        try
        {
            show();
        }
        catch (InvalidOperationException)
        {
            // The live display already ended (a scan reported during the stop).
        }
    }
}
