using ManageIQ.OpenScap.Service.Discovery;
using ManageIQ.OpenScap.Service.Dispatch;
using ManageIQ.OpenScap.State.Queue;
using ManageIQ.OpenScap.State.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Service.Tests;

/// <summary><c>bridge serve</c> end to end: emulator, loopback registry, the local backend and the real oscap.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ServeEndToEndTests
{
    private const int Timeout = 600_000;

    [Test]
    [CancelAfter(Timeout)]
    public async Task NewImage_IsScannedAndPosted_ThenUnchangedDiscoveriesStartNoScanAndWriteNothing(CancellationToken cancellationToken)
    {
        await using var rig = await ServiceRig.StartAsync(cancellationToken);
        var built = await rig.PushDebianAsync("apps/web", "1.0", cancellationToken);
        var id = await rig.AddImageAsync("apps/web", "1.0", built.ManifestDigest, cancellationToken);

        var app = await rig.StartServiceAsync(cancellationToken);
        await using (app)
        {
            await ServiceRig.WaitUntilAsync(async () => (await rig.OpenScapAttributesAsync(id, cancellationToken)).ContainsKey("openscap_status"), cancellationToken);
            var attributes = await rig.OpenScapAttributesAsync(id, cancellationToken);
            Assert.That(attributes["openscap_digest"], Is.EqualTo(built.ManifestDigest));
            Assert.That(attributes["openscap_status"], Is.AnyOf("compliant", "non_compliant"));
            Assert.That(rig.Counter.Jobs, Has.Count.EqualTo(1));
            await WaitIdleAsync(app, cancellationToken);

            using var http = new HttpClient { BaseAddress = new Uri(Address(app)) };
            Assert.That(await http.GetStringAsync("/healthz", cancellationToken), Does.Contain("alive"));
            using var ready = await http.GetAsync("/readyz", cancellationToken);
            Assert.That((int)ready.StatusCode, Is.EqualTo(200), await ready.Content.ReadAsStringAsync(cancellationToken));

            await rig.ClearRequestsAsync(cancellationToken);
            var report = await app.Services.GetRequiredService<ImageDiscovery>().DiscoverAsync(cancellationToken);
            var full = await app.Services.GetRequiredService<ImageDiscovery>().FullScanAsync(ServiceRig.Provider, cancellationToken);
            Assert.That((report.Queued, full.Queued, full.Skipped), Is.EqualTo((0, 0, 1)), "an unchanged image is not queued again");
            Assert.That(ServiceRig.Writes(await rig.RequestsAsync(cancellationToken)), Is.Empty, "no write to ManageIQ");
            Assert.That(rig.Counter.Jobs, Has.Count.EqualTo(1), "no second scan");
            await app.StopAsync(cancellationToken);
        }

        // A lost volume: the last result is recovered from ManageIQ's attributes, in one listing, instead of a rescan.
        // As a new process would: no pooled connection keeps the deleted database open.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(rig.Directory.Combine("state"), recursive: true);
        await rig.ClearRequestsAsync(cancellationToken);
        var again = await rig.StartServiceAsync(cancellationToken);
        await using (again)
        {
            var report = await again.Services.GetRequiredService<ImageDiscovery>().DiscoverAsync(cancellationToken);
            Assert.That(report.Queued, Is.Zero, "the recovered result is current");
            await WaitIdleAsync(again, cancellationToken);
            Assert.That(await again.Services.GetRequiredService<IScanQueue>().ListAsync(null, 10, cancellationToken), Is.Empty, "nothing was queued");
            Assert.That(rig.Counter.Jobs, Has.Count.EqualTo(1));
            var requests = await rig.RequestsAsync(cancellationToken);
            Assert.That(requests.Count(r => r.Value<string>("path") == "/api/container_images" && (r.Value<string>("query") ?? string.Empty).Contains("custom_attributes", StringComparison.Ordinal)), Is.EqualTo(1), string.Join("\n", requests));
            Assert.That(ServiceRig.Writes(requests), Is.Empty);
            await again.StopAsync(cancellationToken);
        }
    }

    [Test]
    [CancelAfter(Timeout)]
    public async Task ImagesSharingADigest_GetOneScanAndOnePostEach(CancellationToken cancellationToken)
    {
        await using var rig = await ServiceRig.StartAsync(cancellationToken);
        var built = await rig.PushDebianAsync("apps/shared", "1.0", cancellationToken);
        var first = await rig.AddImageAsync("apps/shared", "1.0", built.ManifestDigest, cancellationToken);
        var second = await rig.AddImageAsync("apps/shared", "1.0", built.ManifestDigest, cancellationToken);

        var app = await rig.StartServiceAsync(cancellationToken);
        await using (app)
        {
            await ServiceRig.WaitUntilAsync(async () => (await rig.OpenScapAttributesAsync(first, cancellationToken)).ContainsKey("openscap_status") && (await rig.OpenScapAttributesAsync(second, cancellationToken)).ContainsKey("openscap_status"), cancellationToken);
            await WaitIdleAsync(app, cancellationToken);
            Assert.That(rig.Counter.Jobs, Has.Count.EqualTo(1), "one scan of the digest");
            var posts = ServiceRig.Writes(await rig.RequestsAsync(cancellationToken)).Where(r => r.Value<string>("path")!.EndsWith("/custom_attributes", StringComparison.Ordinal)).Select(r => r.Value<string>("path")).ToList();
            Assert.That(posts, Is.EquivalentTo(new[] { $"/api/container_images/{first}/custom_attributes", $"/api/container_images/{second}/custom_attributes" }), "one post per image");
            Assert.That((await rig.OpenScapAttributesAsync(second, cancellationToken))["openscap_digest"], Is.EqualTo(built.ManifestDigest));
            await app.StopAsync(cancellationToken);
        }
    }

    [Test]
    [CancelAfter(Timeout)]
    public async Task PerProviderLimit_IsNeverExceeded(CancellationToken cancellationToken)
    {
        await using var rig = await ServiceRig.StartAsync(cancellationToken, new JObject { ["Bridge"] = new JObject { ["Limits"] = new JObject { ["PerProvider"] = 2, ["Global"] = 5 } } });
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var built = await rig.PushDebianAsync("apps/limit" + i, "1.0", cancellationToken);
            ids.Add(await rig.AddImageAsync("apps/limit" + i, "1.0", built.ManifestDigest, cancellationToken));
        }

        var app = await rig.StartServiceAsync(cancellationToken);
        await using (app)
        {
            var queue = app.Services.GetRequiredService<IScanQueue>();

            // A scan waits for a second one to run beside it while more wait, so the limit is reached, never passed.
            rig.Counter.Hold = _ => rig.Counter.Running < 2 && queue.ListAsync(ScanState.Queued, 1).GetAwaiter().GetResult().Count > 0;
            await ServiceRig.WaitUntilAsync(async () => (await queue.ListAsync(ScanState.Done, 10, cancellationToken)).Count + (await queue.ListAsync(ScanState.Failed, 10, cancellationToken)).Count == 4, cancellationToken);
            Assert.That(rig.Counter.Jobs, Has.Count.EqualTo(4));
            Assert.That(rig.Counter.MaxRunningPerProvider, Is.EqualTo(2), "the limit was reached and never exceeded");
            foreach (var id in ids)
            {
                Assert.That((await rig.OpenScapAttributesAsync(id, cancellationToken)).ContainsKey("openscap_status"), Is.True);
            }

            await app.StopAsync(cancellationToken);
        }
    }

    [Test]
    [CancelAfter(Timeout)]
    public async Task ImageArchivedWhileQueued_IsDropped(CancellationToken cancellationToken)
    {
        // Provider 1 paused (limit 0): its image waits in the queue.
        await using var rig = await ServiceRig.StartAsync(cancellationToken, new JObject { ["Bridge"] = new JObject { ["ProviderOverrides"] = new JObject { ["1"] = new JObject { ["Limit"] = 0 } } } });
        var built = await rig.PushDebianAsync("apps/old", "1.0", cancellationToken);
        var id = await rig.AddImageAsync("apps/old", "1.0", built.ManifestDigest, cancellationToken);

        var app = await rig.StartServiceAsync(cancellationToken);
        await using (app)
        {
            var discovery = app.Services.GetRequiredService<ImageDiscovery>();
            var queue = app.Services.GetRequiredService<IScanQueue>();
            await discovery.DiscoverAsync(cancellationToken);
            Assert.That((await queue.ListAsync(ScanState.Queued, 10, cancellationToken)).Select(s => s.ImageId), Is.EqualTo(new[] { id }));

            await rig.ArchiveAsync(id, cancellationToken);
            await discovery.DiscoverAsync(cancellationToken);
            Assert.That(await queue.ListAsync(ScanState.Queued, 10, cancellationToken), Is.Empty);
            var failed = await queue.ListAsync(ScanState.Failed, 10, cancellationToken);
            Assert.That(failed.Single().Reason, Does.StartWith("dropped:"));
            Assert.That(rig.Counter.Jobs, Is.Empty, "nothing was scanned");
            await app.StopAsync(cancellationToken);
        }
    }

    [Test]
    [CancelAfter(Timeout)]
    public async Task ManageIqDownDuringPublishing_EachAttributeIsStoredOnceWhenItIsBack(CancellationToken cancellationToken)
    {
        await using var rig = await ServiceRig.StartAsync(cancellationToken);
        var built = await rig.PushDebianAsync("apps/down", "1.0", cancellationToken);
        var id = await rig.AddImageAsync("apps/down", "1.0", built.ManifestDigest, cancellationToken);
        await rig.FaultAsync($$"""{"method": "POST", "pathPrefix": "/api/container_images/{{id}}/custom_attributes", "count": 1000, "status": 503}""", cancellationToken);

        var app = await rig.StartServiceAsync(cancellationToken);
        await using (app)
        {
            var store = app.Services.GetRequiredService<IResultStore>();
            await ServiceRig.WaitUntilAsync(async () => await store.CountWaitingAsync(cancellationToken) == 1 && (await store.GetOutboxEntryAsync(id, cancellationToken))?.Attempts >= 2, cancellationToken);
            Assert.That(await rig.OpenScapAttributesAsync(id, cancellationToken), Is.Empty, "nothing stored while ManageIQ refuses");

            await rig.ClearFaultsAsync(cancellationToken);
            await ServiceRig.WaitUntilAsync(async () => await store.CountWaitingAsync(cancellationToken) == 0, cancellationToken);
            var attributes = await rig.OpenScapAttributesAsync(id, cancellationToken);
            var latest = await store.GetLatestAsync(id, cancellationToken);
            Assert.That(attributes.Keys, Is.EquivalentTo(latest!.Record.Attributes.Select(a => a.Name)));
            Assert.That(rig.Counter.Jobs, Has.Count.EqualTo(1), "the result was scanned once and delivered later");
            await app.StopAsync(cancellationToken);
        }
    }

    [Test]
    [CancelAfter(Timeout)]
    public async Task StopMidScan_TheScanIsQueuedAgainAndRunsAtTheNextStart(CancellationToken cancellationToken)
    {
        await using var rig = await ServiceRig.StartAsync(cancellationToken, new JObject { ["Logging"] = new JObject { ["LogLevel"] = new JObject { ["Default"] = "Information" } } });
        var built = await rig.PushDebianAsync("apps/cut", "1.0", cancellationToken);
        var id = await rig.AddImageAsync("apps/cut", "1.0", built.ManifestDigest, cancellationToken);
        rig.Counter.Hold = _ => true;

        var app = await rig.StartServiceAsync(cancellationToken);
        await using (app)
        {
            await ServiceRig.WaitUntilAsync(() => Task.FromResult(rig.Counter.Running == 1), cancellationToken);
            await app.StopAsync(cancellationToken);
        }

        Assert.That(rig.Counter.Running, Is.Zero, "the stop cut the scan off within its grace");
        rig.Counter.Hold = null;
        var again = await rig.StartServiceAsync(cancellationToken);
        await using (again)
        {
            var queue = again.Services.GetRequiredService<IScanQueue>();
            await ServiceRig.WaitUntilAsync(async () => (await rig.OpenScapAttributesAsync(id, cancellationToken)).ContainsKey("openscap_status"), cancellationToken);
            await WaitIdleAsync(again, cancellationToken);
            var scans = await queue.ListAsync(null, 10, cancellationToken);
            var cut = scans.Single(s => s.Attempts == 2);
            Assert.That((cut.ImageId, cut.State, cut.Reason), Is.EqualTo((id, ScanState.Done, (string?)null)), "the scan cut off was taken again and finished");
            Assert.That(scans.Where(s => s.Id != cut.Id).Select(s => s.Reason), Is.All.EqualTo(ScanExecution.Unchanged), "anything queued meanwhile found it done");
            Assert.That(rig.Counter.Jobs, Has.Count.EqualTo(2), "the cut-off scan and its rerun, nothing more");
            await again.StopAsync(cancellationToken);
        }
    }

    private static async Task WaitIdleAsync(WebApplication app, CancellationToken cancellationToken)
    {
        var queue = app.Services.GetRequiredService<IScanQueue>();
        var dispatcher = app.Services.GetRequiredService<ScanDispatcher>();
        await ServiceRig.WaitUntilAsync(async () => dispatcher.Running == 0 && (await queue.ListAsync(ScanState.Queued, 1, cancellationToken)).Count == 0, cancellationToken);
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
