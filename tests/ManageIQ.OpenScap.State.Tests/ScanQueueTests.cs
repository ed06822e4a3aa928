using ManageIQ.OpenScap.State.Queue;
using Microsoft.Extensions.Time.Testing;

namespace ManageIQ.OpenScap.State.Tests;

/// <summary>The persisted scan queue of issue 12: priorities, limits, one scan per image and digest in flight, restarts.</summary>
[CancelAfter(60_000)]
public sealed class ScanQueueTests
{
    private static readonly ScanLimits Roomy = new(Global: 100, PerProvider: 100);

    [Test]
    public async Task Enqueue_ImageAlreadyWaiting_KeepsItsPlaceTakesTheHigherPriorityAndNewerDigest()
    {
        await using var h = await StateHarness.StartAsync();
        var first = await h.Queue.EnqueueAsync(new ScanRequest(1, 10, "sha256:old", ScanPriority.FullScan));
        var again = await h.Queue.EnqueueAsync(new ScanRequest(1, 10, "sha256:new", ScanPriority.Requested));
        var lower = await h.Queue.EnqueueAsync(new ScanRequest(1, 10, "sha256:new", ScanPriority.NewImage));

        Assert.That((again.Id, again.Priority, again.Digest), Is.EqualTo((first.Id, ScanPriority.Requested, "sha256:new")));
        Assert.That((lower.Id, lower.Priority), Is.EqualTo((first.Id, ScanPriority.Requested)));
        Assert.That(await h.Queue.ListAsync(ScanState.Queued, 10), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Dequeue_MixedPriorities_RequestedThenNewThenFullEachInQueueOrder()
    {
        await using var h = await StateHarness.StartAsync();
        await h.Queue.EnqueueAsync(new ScanRequest(1, 10, "d1", ScanPriority.FullScan));
        await h.Queue.EnqueueAsync(new ScanRequest(2, 10, "d2", ScanPriority.NewImage));
        await h.Queue.EnqueueAsync(new ScanRequest(3, 10, "d3", ScanPriority.FullScan));
        await h.Queue.EnqueueAsync(new ScanRequest(4, 10, "d4", ScanPriority.Requested));
        await h.Queue.EnqueueAsync(new ScanRequest(5, 10, "d5", ScanPriority.NewImage));

        var taken = await DrainAsync(h.Queue, Roomy);

        Assert.That(taken.Select(s => s.ImageId), Is.EqualTo(new long[] { 4, 2, 5, 1, 3 }));
        Assert.That(taken.Select(s => (s.State, s.Attempts, s.PullingOn is not null)), Has.All.EqualTo((ScanState.Pulling, 1, true)));
    }

    [Test]
    public async Task Dequeue_ProviderAtItsLimit_TakesAnotherProvidersScanAndHonoursTheGlobalLimit()
    {
        await using var h = await StateHarness.StartAsync();
        for (var image = 1; image <= 4; image++)
        {
            await h.Queue.EnqueueAsync(new ScanRequest(image, 10, $"d{image}", ScanPriority.NewImage));
        }

        await h.Queue.EnqueueAsync(new ScanRequest(5, 20, "d5", ScanPriority.FullScan));
        await h.Queue.EnqueueAsync(new ScanRequest(6, 30, "d6", ScanPriority.FullScan));
        var limits = new ScanLimits(Global: 4, PerProvider: 2) { ProviderOverrides = new Dictionary<long, int> { [30] = 0 } };

        var taken = await DrainAsync(h.Queue, limits);

        Assert.That(taken.Select(s => s.ImageId), Is.EqualTo(new long[] { 1, 2, 5 }), "provider 10 stops at 2, provider 30 is paused");
        await h.Queue.AdvanceAsync(taken[0].Id, ScanState.Done);
        Assert.That((await h.Queue.DequeueAsync(limits))!.ImageId, Is.EqualTo(3));
        Assert.That(await h.Queue.DequeueAsync(limits with { Global = 3 }), Is.Null, "3 in flight in all");
    }

    [Test]
    public async Task Dequeue_DigestOrImageInFlight_WaitsForItToFinish()
    {
        await using var h = await StateHarness.StartAsync();
        await h.Queue.EnqueueAsync(new ScanRequest(1, 10, "sha256:shared", ScanPriority.NewImage));
        await h.Queue.EnqueueAsync(new ScanRequest(2, 10, "sha256:shared", ScanPriority.NewImage));
        await h.Queue.EnqueueAsync(new ScanRequest(3, 10, null, ScanPriority.FullScan));
        var first = await h.Queue.DequeueAsync(Roomy);
        await h.Queue.EnqueueAsync(new ScanRequest(1, 10, null, ScanPriority.Requested));

        Assert.That((await h.Queue.DequeueAsync(Roomy))!.ImageId, Is.EqualTo(3), "image 2 shares the digest in flight; image 1 is in flight itself");
        Assert.That(await h.Queue.DequeueAsync(Roomy), Is.Null);
        await h.Queue.AdvanceAsync(first!.Id, ScanState.Done);
        Assert.That((await h.Queue.DequeueAsync(Roomy))!.ImageId, Is.EqualTo(1), "the requested rescan of image 1 comes first");
        Assert.That((await h.Queue.DequeueAsync(Roomy))!.ImageId, Is.EqualTo(2));
    }

    [Test]
    public async Task ClaimSharingDigest_TakesTheOtherWaitingImagesOfTheDigestOnly()
    {
        await using var h = await StateHarness.StartAsync();
        await h.Queue.EnqueueAsync(new ScanRequest(1, 10, "sha256:shared", ScanPriority.NewImage));
        await h.Queue.EnqueueAsync(new ScanRequest(2, 11, "sha256:shared", ScanPriority.FullScan));
        await h.Queue.EnqueueAsync(new ScanRequest(3, 10, "sha256:other", ScanPriority.NewImage));
        var scan = await h.Queue.DequeueAsync(Roomy);

        var claimed = await h.Queue.ClaimSharingDigestAsync(scan!.Id, "sha256:shared");
        Assert.That(claimed.Select(c => (c.ImageId, c.State, c.Attempts)), Is.EqualTo(new[] { (2L, ScanState.Publishing, 1) }));
        Assert.That(claimed[0].PublishingOn, Is.Not.Null);
        Assert.That(await h.Queue.ClaimSharingDigestAsync(scan.Id, "sha256:shared"), Is.Empty, "claimed once");
        Assert.That((await h.Queue.DequeueAsync(Roomy))!.ImageId, Is.EqualTo(3));
        await h.Queue.AdvanceAsync(claimed[0].Id, ScanState.Done);
    }

    [Test]
    public async Task Advance_ThroughTheStates_RecordsEachTimeAndRefusesGoingBack()
    {
        var time = new FakeTimeProvider(Results.Monday);
        await using var h = await StateHarness.StartAsync(time: time);
        await h.Queue.EnqueueAsync(new ScanRequest(1, 10, "d", ScanPriority.NewImage));
        var scan = (await h.Queue.DequeueAsync(Roomy))!;
        time.Advance(TimeSpan.FromSeconds(30));
        await h.Queue.AdvanceAsync(scan.Id, ScanState.Evaluating);
        time.Advance(TimeSpan.FromSeconds(60));
        await h.Queue.AdvanceAsync(scan.Id, ScanState.Publishing);
        var e = Assert.ThrowsAsync<InvalidOperationException>(() => h.Queue.AdvanceAsync(scan.Id, ScanState.Pulling));
        Assert.That(e!.Message, Is.EqualTo($"Scan {scan.Id} cannot move from publishing to pulling."));
        time.Advance(TimeSpan.FromSeconds(5));
        var done = await h.Queue.AdvanceAsync(scan.Id, ScanState.Done);

        Assert.That((done.QueuedOn, done.PullingOn, done.EvaluatingOn, done.PublishingOn, done.FinishedOn), Is.EqualTo((
            Results.Monday, (DateTimeOffset?)Results.Monday, (DateTimeOffset?)Results.Monday.AddSeconds(30), (DateTimeOffset?)Results.Monday.AddSeconds(90), (DateTimeOffset?)Results.Monday.AddSeconds(95))));
        Assert.ThrowsAsync<InvalidOperationException>(() => h.Queue.AdvanceAsync(scan.Id, ScanState.Failed), "done is final");
        Assert.ThrowsAsync<InvalidOperationException>(() => h.Queue.AdvanceAsync(9999, ScanState.Done));
    }

    [Test]
    public async Task Advance_Failed_KeepsTheReason()
    {
        await using var h = await StateHarness.StartAsync();
        await h.Queue.EnqueueAsync(new ScanRequest(1, 10, "d", ScanPriority.NewImage));
        var scan = (await h.Queue.DequeueAsync(Roomy))!;
        var failed = await h.Queue.AdvanceAsync(scan.Id, ScanState.Failed, "the registry answered 401");
        Assert.That((failed.State, failed.Reason, failed.PullingOn is not null, failed.FinishedOn is not null), Is.EqualTo((ScanState.Failed, "the registry answered 401", true, true)));
    }

    [Test]
    public async Task RequeueInFlight_AfterARestart_QueuesThemAgainInTheirPlace()
    {
        await using var h = await StateHarness.StartAsync();
        await h.Queue.EnqueueAsync(new ScanRequest(1, 10, "d1", ScanPriority.FullScan));
        await h.Queue.EnqueueAsync(new ScanRequest(2, 10, "d2", ScanPriority.FullScan));
        await h.Queue.EnqueueAsync(new ScanRequest(3, 10, "d3", ScanPriority.FullScan));
        var one = (await h.Queue.DequeueAsync(Roomy))!;
        var two = (await h.Queue.DequeueAsync(Roomy))!;
        await h.Queue.AdvanceAsync(two.Id, ScanState.Evaluating);
        await h.Queue.EnqueueAsync(new ScanRequest(2, 10, "d2", ScanPriority.Requested));
        await h.RestartAsync();

        var report = await h.Queue.RequeueInFlightAsync();

        Assert.That(report, Is.EqualTo(new RequeueReport(Requeued: 1, Dropped: 1)));
        var requeued = (await h.Queue.GetAsync(one.Id))!;
        Assert.That((requeued.State, requeued.PullingOn, requeued.Attempts), Is.EqualTo((ScanState.Queued, (DateTimeOffset?)null, 1)));
        Assert.That((await h.Queue.GetAsync(two.Id))!.Reason, Does.Contain("queued again meanwhile"));
        Assert.That((await DrainAsync(h.Queue, Roomy)).Select(s => s.ImageId), Is.EqualTo(new long[] { 2, 1, 3 }));
        Assert.That(await h.Queue.RequeueInFlightAsync(), Is.EqualTo(new RequeueReport(3, 0)));
    }

    [Test]
    public async Task DropQueued_ArchivedImage_DropsOnlyItsWaitingScan()
    {
        await using var h = await StateHarness.StartAsync();
        await h.Queue.EnqueueAsync(new ScanRequest(1, 10, "d1", ScanPriority.FullScan));
        var inFlight = (await h.Queue.DequeueAsync(Roomy))!;
        var waiting = await h.Queue.EnqueueAsync(new ScanRequest(1, 10, "d1", ScanPriority.FullScan));

        Assert.That(await h.Queue.DropQueuedAsync(1, "archived in ManageIQ"), Is.True);
        Assert.That(await h.Queue.DropQueuedAsync(1, "archived in ManageIQ"), Is.False);

        Assert.That((await h.Queue.GetAsync(waiting.Id))!.Reason, Is.EqualTo("dropped: archived in ManageIQ"));
        Assert.That((await h.Queue.GetAsync(inFlight.Id))!.State, Is.EqualTo(ScanState.Pulling));
        Assert.That(h.Logs.GetSnapshot().Count(l => l.Id.Id == 7031), Is.EqualTo(1));
    }

    /// <summary>Takes scans until none fits the limits.</summary>
    private static async Task<List<QueuedScan>> DrainAsync(IScanQueue queue, ScanLimits limits)
    {
        var taken = new List<QueuedScan>();
        while (await queue.DequeueAsync(limits) is { } scan)
        {
            taken.Add(scan);
        }

        return taken;
    }
}
