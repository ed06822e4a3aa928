using System.Diagnostics;
using System.Net;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.ManageIq.Emulator.Faults;
using ManageIQ.OpenScap.ManageIq.Errors;
using ManageIQ.OpenScap.ManageIq.Http;

namespace ManageIQ.OpenScap.ManageIq.Tests;

/// <summary>
/// The listing's read-ahead (the next page requested while this one is read), against the emulator over
/// loopback: request count and order, where a read-ahead's failure surfaces, cancellation and early disposal.
/// </summary>
[CancelAfter(60_000)]
public sealed class ReadAheadTests
{
    private const string Images = "/api/container_images";

    [Test]
    public async Task GetContainerImagesAsync_FiftyThousandImages_FiftyPagesPlusTokenInOrder()
    {
        await using var h = await ClientHarness.StartAsync(emulatorOptions: new EmulatorOptions { Seed = Seeds.WithImages(10, 50_000) });
        var images = await ClientHarness.ToListAsync(h.Client.GetContainerImagesAsync());
        Assert.That(images.Select(i => i.Id), Is.EqualTo(Enumerable.Range(1, 50_000).Select(i => (long)i)), "every image once, in the server's order");
        Assert.That(Offsets(h.Emulator), Is.EqualTo(Enumerable.Range(0, 50).Select(p => $"offset={p * 1000}&limit=1000")), "each page requested once, in order");
        Assert.That(h.Emulator.Requests.Count, Is.EqualTo(51), "50 pages and one token request");
    }

    [Test]
    public async Task GetContainerImagesAsync_ReadAheadFails_ErrorSurfacesOnlyAfterThePageBefore()
    {
        await using var h = await ClientHarness.StartAsync(emulatorOptions: new EmulatorOptions { Seed = Seeds.WithImages(2, 2500) });
        h.Emulator.Faults.Add(new FaultRule(FaultKind.Status, "GET", Images) { Status = HttpStatusCode.InternalServerError, QueryContains = "offset=1000&" });
        var received = new List<long>();
        var e = Assert.ThrowsAsync<ManageIqResponseException>(async () =>
        {
            await foreach (var image in h.Client.GetContainerImagesAsync())
            {
                received.Add(image.Id);
            }
        });
        Assert.That(e!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(received, Is.EqualTo(Enumerable.Range(1, 1000).Select(i => (long)i)), "the whole first page arrives before the failure");
        Assert.That(Offsets(h.Emulator), Is.EqualTo(new[] { "offset=0&limit=1000", "offset=1000&limit=1000" }), "nothing after the failed page, and no retry of a 500");
    }

    [Test]
    public async Task GetContainerImagesAsync_StoppedBeforeFailedReadAhead_DoesNotThrow()
    {
        await using var h = await ClientHarness.StartAsync(emulatorOptions: new EmulatorOptions { Seed = Seeds.WithImages(2, 2500) });
        h.Emulator.Faults.Add(new FaultRule(FaultKind.Status, "GET", Images) { Status = HttpStatusCode.InternalServerError, QueryContains = "offset=1000&" });
        var received = 0;
        await foreach (var image in h.Client.GetContainerImagesAsync())
        {
            if (++received == 1000)
            {
                await WaitUntilAsync(() => h.Emulator.Requests.Matching("GET", Images).Any(r => r.Status == 500));
                break;
            }
        }

        Assert.That(received, Is.EqualTo(1000));
        Assert.That(h.Emulator.Requests.Matching("GET", Images).Select(r => r.Status), Is.EqualTo(new[] { 200, 500 }), "the read-ahead had failed, unseen by a consumer that stopped first");
    }

    [Test]
    public async Task GetContainerImagesAsync_ReadAheadOff_NextPageOnlyWhenConsumerGetsThere()
    {
        await using var h = await ClientHarness.StartAsync(configure: o => o.ReadAhead = false, emulatorOptions: new EmulatorOptions { Seed = Seeds.WithImages(2, 2500) });
        var received = 0;
        await foreach (var image in h.Client.GetContainerImagesAsync())
        {
            if (++received == 1000)
            {
                await Task.Delay(300);
                Assert.That(Offsets(h.Emulator), Is.EqualTo(new[] { "offset=0&limit=1000" }), "no request for page two while page one is consumed");
            }
        }

        Assert.That(received, Is.EqualTo(2500));
        Assert.That(Offsets(h.Emulator), Is.EqualTo(new[] { "offset=0&limit=1000", "offset=1000&limit=1000", "offset=2000&limit=1000" }));
    }

    [Test]
    public async Task GetContainerImagesAsync_AbandonedWhileReadAheadHangs_DisposesPromptly()
    {
        await using var h = await ClientHarness.StartAsync(emulatorOptions: new EmulatorOptions { Seed = Seeds.WithImages(2, 2500) });
        h.Emulator.Faults.Add(new FaultRule(FaultKind.Delay, "GET", Images) { Delay = TimeSpan.FromSeconds(45), QueryContains = "offset=1000&" });
        var watch = Stopwatch.StartNew();
        long first = 0;
        await foreach (var image in h.Client.GetContainerImagesAsync())
        {
            first = image.Id;
            break;
        }

        Assert.That(first, Is.EqualTo(1));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "disposal cancels the hanging read-ahead instead of waiting for it");
        Assert.That((await h.Client.GetContainerImageAsync(2)).Id, Is.EqualTo(2), "the client goes on working");
    }

    [Test]
    public async Task GetContainerImagesAsync_CancelledWhileAwaitingReadAhead_ThrowsPromptly()
    {
        await using var h = await ClientHarness.StartAsync(emulatorOptions: new EmulatorOptions { Seed = Seeds.WithImages(2, 2500) });
        h.Emulator.Faults.Add(new FaultRule(FaultKind.Delay, "GET", Images) { Delay = TimeSpan.FromSeconds(45), QueryContains = "offset=1000&" });
        using var cancel = new CancellationTokenSource();
        var received = 0;
        var watch = Stopwatch.StartNew();
        Assert.That(async () =>
        {
            await foreach (var image in h.Client.GetContainerImagesAsync(cancellationToken: cancel.Token))
            {
                if (++received == 1000)
                {
                    await cancel.CancelAsync();
                }
            }
        }, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(received, Is.EqualTo(1000));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task GetContainerImagesAsync_ServerCapsPage_ReadAheadFollowsReturnedSize()
    {
        await using var h = await ClientHarness.StartAsync(
            configure: o => o.PageSize = 10,
            emulatorOptions: new EmulatorOptions { Seed = Seeds.WithImages(1, 11), MaxResultsPerPage = 4 });
        var images = await ClientHarness.ToListAsync(h.Client.GetContainerImagesAsync());
        Assert.That(images.Select(i => i.Id), Is.EqualTo(Enumerable.Range(1, 11).Select(i => (long)i)));
        Assert.That(Offsets(h.Emulator), Is.EqualTo(new[] { "offset=0&limit=10", "offset=4&limit=10", "offset=8&limit=10" }));
    }

    [TestCase(50_000, 1000, null, 0, 1000)]
    [TestCase(50_000, 1000, null, 48_000, 49_000)]
    [TestCase(50_000, 1000, null, 49_000, null)]
    [TestCase(50_000, 4, 11, 8, null)]
    [TestCase(50_000, 4, 11, 4, 8)]
    [TestCase(5, 0, null, 10, null)]
    [TestCase(null, 1000, null, 0, null)]
    [TestCase(50_000, null, null, 0, null)]
    public void NextOffset_Counts_FollowManageIqNextLinkRule(int? count, int? subcount, int? subqueryCount, int offset, int? expected) =>
        Assert.That(new PageCounts(count, subcount, subqueryCount).NextOffset(offset), Is.EqualTo(expected));

    private static IEnumerable<string> Offsets(ManageIqEmulator emulator) =>
        emulator.Requests.Matching("GET", Images)
            .Select(r => Uri.UnescapeDataString(r.Query))
            .Select(q => q[q.IndexOf("offset=", StringComparison.Ordinal)..]);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(20, limit.Token);
        }
    }
}
