using System.Collections.Concurrent;
using ManageIQ.OpenScap.Analysis;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Service.Discovery;
using ManageIQ.OpenScap.Service.Dispatch;
using ManageIQ.OpenScap.Service.Observing;
using ManageIQ.OpenScap.State.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Service.Tests;

/// <summary>The service tells its observers each discovery and each queued scan's start, stages, publishing and end.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ServiceObserverTests
{
    [Test]
    [CancelAfter(600_000)]
    public async Task NewImage_TheObserverSeesDiscoveryStagesPublishingAndTheResult_ThenAnUnchangedRequeueEndsWithoutAScan(CancellationToken cancellationToken)
    {
        await using var rig = await ServiceRig.StartAsync(cancellationToken);
        var observer = new Recorder();
        rig.Observers.Add(observer);
        var built = await rig.PushDebianAsync("apps/seen", "1.0", cancellationToken);
        var id = await rig.AddImageAsync("apps/seen", "1.0", built.ManifestDigest, cancellationToken);

        var app = await rig.StartServiceAsync(cancellationToken);
        await using (app)
        {
            await ServiceRig.WaitUntilAsync(() => Task.FromResult(observer.Events.Any(e => e.StartsWith("finished", StringComparison.Ordinal))), cancellationToken);
            var events = observer.Events.ToList();
            Assert.That(events[0], Is.EqualTo("discovered 1 image, 1 queued, 0 skipped"));
            Assert.That(events[1], Is.EqualTo($"started {id} apps/seen"));
            Assert.That(events.Where(e => e.StartsWith("progress", StringComparison.Ordinal)), Does.Contain($"progress {id} Pulling").And.Contain($"progress {id} Scanning"));
            Assert.That(events.IndexOf($"publishing {id}"), Is.GreaterThan(events.IndexOf($"progress {id} Scanning")));
            Assert.That(events[^1], Does.Match($"^finished {id} (compliant|non_compliant) Posted$"), "the result, once it is in ManageIQ");
            Assert.That((await rig.OpenScapAttributesAsync(id, cancellationToken)).ContainsKey("openscap_status"), Is.True);

            // Queued again although nothing changed: taken from the queue, found fresh, finished without a scan.
            await app.Services.GetRequiredService<IScanQueue>().EnqueueAsync(new ScanRequest(id, ServiceRig.Provider, built.ManifestDigest, ScanPriority.FullScan), cancellationToken);
            app.Services.GetRequiredService<DispatchSignal>().Wake();
            await ServiceRig.WaitUntilAsync(() => Task.FromResult(observer.Events.Contains($"finished {id} {ScanExecution.Unchanged}")), cancellationToken);
            Assert.That(rig.Counter.Jobs, Has.Count.EqualTo(1), "one scan only");
            await app.StopAsync(cancellationToken);
        }
    }

    private sealed class Recorder : IServiceObserver
    {
        public ConcurrentQueue<string> Events { get; } = new();

        public void Discovered(DiscoveryReport report) => Events.Enqueue($"discovered {report.Images} image, {report.Queued} queued, {report.Skipped} skipped");

        public void ScanStarted(QueuedScan scan, ContainerImage image) => Events.Enqueue($"started {scan.ImageId} {image.Name}");

        public void ScanProgressed(QueuedScan scan, ScanProgress progress)
        {
            var line = $"progress {scan.ImageId} {progress.Stage}";
            if (!Events.Contains(line))
            {
                Events.Enqueue(line);
            }
        }

        public void ScanPublishing(QueuedScan scan) => Events.Enqueue($"publishing {scan.ImageId}");

        public void ScanFinished(QueuedScan scan, ImageAnalysis? analysis, string? reason) =>
            Events.Enqueue(analysis is null ? $"finished {scan.ImageId} {reason}" : $"finished {scan.ImageId} {Publishing.OpenScapStatusNames.ToWire(analysis.Result!.Status)} {analysis.Status}");
    }
}
