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
}
