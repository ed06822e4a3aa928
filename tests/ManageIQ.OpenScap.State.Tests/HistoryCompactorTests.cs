using ManageIQ.OpenScap.State.History;
using ManageIQ.OpenScap.State.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ManageIQ.OpenScap.State.Tests;

/// <summary>History retention: by age and count per image, never the latest or a waiting result, bounded per run.</summary>
[CancelAfter(120_000)]
public sealed class HistoryCompactorTests
{
    [Test]
    public async Task Compact_PastTheLimits_KeepsTheNewestPerImageTheLatestAndTheWaiting()
    {
        var time = new FakeTimeProvider(Results.Monday.AddDays(100));
        await using var h = await StateHarness.StartAsync(time: time, configure: o =>
        {
            o.History.MaxPerImage = 3;
            o.History.MaxAge = TimeSpan.FromDays(30);
        });
        for (var day = 0; day < 6; day++)
        {
            var recorded = await h.Store.RecordAsync(Results.Of(1, $"one-{day}", Results.Monday.AddDays(80 + day)));
            await h.Store.MarkDeliveredAsync(1, recorded.Seq);
        }

        // Image 2: everything older than 30 days; its latest still waits in the outbox and must stay.
        await h.Store.RecordAsync(Results.Of(2, "two-0", Results.Monday.AddDays(1)));
        await h.Store.RecordAsync(Results.Of(2, "two-1", Results.Monday.AddDays(2)));

        // Image 3: an old result that is the latest, already posted.
        var three = await h.Store.RecordAsync(Results.Of(3, "three-0", Results.Monday));
        await h.Store.MarkDeliveredAsync(3, three.Seq);

        var report = await h.Compactor.CompactAsync();

        Assert.That((report.ResultsDeleted, report.MoreToDelete), Is.EqualTo((4, false)));
        Assert.That((await h.Store.GetHistoryAsync(1, 10)).Select(r => r.Record.ScanId), Is.EqualTo(new[] { "one-5", "one-4", "one-3" }));
        Assert.That((await h.Store.GetHistoryAsync(2, 10)).Select(r => r.Record.ScanId), Is.EqualTo(new[] { "two-1" }));
        Assert.That((await h.Store.GetHistoryAsync(3, 10)).Select(r => r.Record.ScanId), Is.EqualTo(new[] { "three-0" }));
        Assert.That((await h.Store.GetOutboxEntryAsync(2))!.Result.Record.ScanId, Is.EqualTo("two-1"));
        Assert.That(h.Logs.GetSnapshot().Count(l => l.Id.Id == 7020), Is.EqualTo(1));
    }

    [Test]
    public async Task Compact_ManyToDelete_BoundedPerRunThenFinishedAndThePagesReturned()
    {
        var time = new FakeTimeProvider(Results.Monday.AddDays(1));
        await using var h = await StateHarness.StartAsync(time: time, configure: o =>
        {
            o.History.MaxPerImage = 1;
            o.History.MaxDeletesPerCompaction = 150;
        });

        // 200 images with a large result each, then a small newer one each: the large attributes are dropped at once.
        var large = new string('x', 20_000);
        for (var image = 1; image <= 200; image++)
        {
            await h.Store.RecordAsync(Results.Of(image, $"large-{image}", Results.Monday, "compliant", ("openscap_report_html", large)));
        }

        for (var image = 1; image <= 200; image++)
        {
            await h.Store.RecordAsync(Results.Of(image, $"small-{image}", Results.Monday.AddHours(1)));
        }

        var file = new FileInfo(Path.Combine(h.StateDirectory, "state.db"));
        var grown = file.Length;
        var first = await h.Compactor.CompactAsync();
        file.Refresh();

        Assert.That((first.ResultsDeleted, first.MoreToDelete), Is.EqualTo((150, true)));
        Assert.That(first.PagesFreed, Is.GreaterThan(500), "the dropped attributes' pages (about 4 MB) go back to the file system");
        Assert.That(file.Length, Is.LessThan(grown / 2));
        var second = await h.Compactor.CompactAsync();
        var third = await h.Compactor.CompactAsync();
        Assert.That((second.ResultsDeleted, second.MoreToDelete), Is.EqualTo((50, false)));
        Assert.That(third.ResultsDeleted, Is.Zero);
        for (var image = 1; image <= 200; image += 50)
        {
            Assert.That((await h.Store.GetHistoryAsync(image, 10)).Select(r => r.Record.ScanId), Is.EqualTo(new[] { $"small-{image}" }));
        }
    }

    [Test]
    public async Task Compact_BoundedRun_ReportsWhatItDidAndThatMoreIsLeft()
    {
        var time = new FakeTimeProvider(Results.Monday.AddDays(1));
        await using var h = await StateHarness.StartAsync(time: time, configure: o =>
        {
            o.History.MaxPerImage = 1;
            o.History.MaxDeletesPerCompaction = 3;
            o.History.MaxVacuumPagesPerCompaction = 1;
        });
        for (var i = 0; i < 5; i++)
        {
            await h.Store.RecordAsync(Results.Of(9, $"scan-{i}", Results.Monday.AddMinutes(i), "compliant", ("openscap_report_html", new string('y', 50_000))));
        }

        var first = await h.Compactor.CompactAsync();
        var second = await h.Compactor.CompactAsync();

        Assert.That((first.ResultsDeleted, first.PagesFreed, first.MoreToDelete), Is.EqualTo((3, 1L, true)));
        Assert.That((second.ResultsDeleted, second.PagesFreed, second.MoreToDelete), Is.EqualTo((1, 1L, false)));
    }

    [Test]
    public async Task Compact_FinishedScansPastTheAge_Deleted()
    {
        var time = new FakeTimeProvider(Results.Monday);
        await using var h = await StateHarness.StartAsync(time: time, configure: o => o.History.MaxAge = TimeSpan.FromDays(7));
        await h.Queue.EnqueueAsync(new ScanRequest(1, 10, "d1", ScanPriority.NewImage));
        var old = (await h.Queue.DequeueAsync(new ScanLimits(10, 10)))!;
        await h.Queue.AdvanceAsync(old.Id, ScanState.Done);
        time.Advance(TimeSpan.FromDays(8));
        var waiting = await h.Queue.EnqueueAsync(new ScanRequest(2, 10, "d2", ScanPriority.FullScan));

        var report = await h.Compactor.CompactAsync();

        Assert.That(report.ScansDeleted, Is.EqualTo(1));
        Assert.That(await h.Queue.GetAsync(old.Id), Is.Null);
        Assert.That(await h.Queue.GetAsync(waiting.Id), Is.Not.Null, "a queued scan is never compacted, however old");
    }

    [Test]
    public async Task Service_Started_CompactsAtOnceAndStopsOnRequest(CancellationToken cancellationToken)
    {
        await using var h = await StateHarness.StartAsync();
        var service = ActivatorUtilities.CreateInstance<HistoryCompactionService>(h.Services);
        await service.StartAsync(cancellationToken);
        while (!h.Logs.GetSnapshot().Any(l => l.Id.Id == 7020))
        {
            await Task.Delay(10, cancellationToken);
        }

        await service.StopAsync(cancellationToken);
        Assert.That(service.ExecuteTask!.IsCompletedSuccessfully, Is.True);
        Assert.That(h.Services.GetServices<IHostedService>(), Is.Empty, "compaction runs only where AddHistoryCompaction asks for it");
    }
}
