using ManageIQ.OpenScap.Kubernetes.FakeApi;
using ManageIQ.OpenScap.Kubernetes.Scanning;
using ManageIQ.OpenScap.Kubernetes.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Scanning;

/// <summary>The watch over a slow pod: bookmarks keep one watch open, nothing polls.</summary>
public sealed class PodReadinessWatcherTests
{
    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_SlowPodWithBookmarks_KeepsOneWatchAndNeverPolls(CancellationToken ct)
    {
        var timings = new FakeTimings { Ready = TimeSpan.FromMilliseconds(1500), BookmarkInterval = TimeSpan.FromMilliseconds(100) };
        await using var harness = await ScanHarness.StartAsync(timings);
        await using var process = harness.NewProcess();

        var result = await process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(harness.Request("job-bookmarks"), ct);

        Assert.Multiple(() =>
        {
            Assert.That(result.Metadata.OpenSCAP.Status, Is.EqualTo("Success"));
            Assert.That(harness.Api.RequestsByKind["watch pods"], Is.EqualTo(1), "bookmarks do not end the watch");
            Assert.That(harness.Api.RequestsByKind.GetValueOrDefault("get pod"), Is.Zero);
            Assert.That(harness.Api.Pods.Pods, Is.Empty);
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunScanAsync_WatchesCloseWithoutEvents_FailsAfterTheCap(CancellationToken ct)
    {
        await using var harness = await ScanHarness.StartAsync();
        harness.Api.Faults.CloseWatchesWithoutEvents = true;
        await using var process = harness.NewProcess();

        var failure = Assert.ThrowsAsync<ScanPodException>(() => process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(harness.Request("job-empty-watches"), ct));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Failure, Is.EqualTo(ScanPodFailure.ApiError), failure.ToString());
            Assert.That(failure.Message, Does.Contain("closed without events").And.Contain($"{PodReadinessWatcher.MaxConsecutiveWatchFailures + 1} times in a row"), failure.ToString());
            Assert.That(harness.Api.RequestsByKind["watch closed without events"], Is.EqualTo(PodReadinessWatcher.MaxConsecutiveWatchFailures + 1));
            Assert.That(harness.Api.Pods.Pods, Is.Empty);
        });
    }
}
