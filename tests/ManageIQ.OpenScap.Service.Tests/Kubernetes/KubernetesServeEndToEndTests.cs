using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.Kubernetes.FakeApi;
using ManageIQ.OpenScap.Service.Dispatch;
using ManageIQ.OpenScap.Service.Hosting;
using ManageIQ.OpenScap.State.Queue;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Service.Tests.Kubernetes;

/// <summary>
/// <c>bridge serve</c> with the kubernetes backend end to end: the ManageIQ emulator, the fake Kubernetes API, a real
/// inspector process per scanning pod and the real oscap. A scan is held in flight by a pod that runs but never
/// becomes ready (<see cref="PodBehavior.NeverReady"/>). The "killed" bridge runs in this process: the in-cluster
/// Lease client cannot be pointed at the fake from a child process (it reads the service account's files under
/// /var/run/secrets and speaks https only), so the kill is the fake cutting the bridge off (every later call of its
/// token answers 503: no renewal, no release, no delete takes effect) and its host stopped.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class KubernetesServeEndToEndTests
{
    private const int Timeout = 600_000;

    [Test]
    [CancelAfter(Timeout)]
    public async Task StopInTheMiddleOfScans_NoQueuedScanIsLost_AndNoPodIsLeft(CancellationToken cancellationToken)
    {
        await using var rig = await KubernetesServiceRig.StartAsync(cancellationToken);
        var images = await AddImagesAsync(rig, "cut", 3, cancellationToken);
        var bridge = rig.NewBridge("bridge-a");
        rig.Api.Faults.BehaviorFor = _ => PodBehavior.NeverReady;

        HashSet<long> cut;
        long waiting;
        HashSet<string> left;
        var app = await rig.StartAsync(bridge, waitForWork: true, cancellationToken);
        await using (app)
        {
            var queue = app.Services.GetRequiredService<IScanQueue>();
            var dispatcher = app.Services.GetRequiredService<ScanDispatcher>();
            await KubernetesServiceRig.WaitUntilAsync(
                async () => rig.ScanPods.Count(p => p.Status?.Phase == "Running") == 2 && dispatcher.Running == 2 && (await queue.ListAsync(ScanState.Queued, 10, cancellationToken)).Count == 1,
                "two scans in flight in running pods, the third queued behind the limit",
                cancellationToken);

            // The stop's own clean-up fails too: its pods are left for the next start to find.
            rig.Api.Faults.FailAllDeletes = true;
            await app.StopAsync(cancellationToken);
            Assert.That(dispatcher.Running, Is.Zero, "the stop cut the scans off within its grace");

            var scans = await queue.ListAsync(null, 10, cancellationToken);
            Assert.That(scans.Select(s => s.ImageId), Is.EquivalentTo(images.Keys), "one scan per image");
            Assert.That(scans.Count(s => s.InFlight && s.Attempts == 1), Is.EqualTo(2), "the scans cut off stay in flight in the store: " + Describe(scans));
            Assert.That(scans.Count(s => s.State == ScanState.Queued), Is.EqualTo(1), "the waiting scan is still queued: " + Describe(scans));
            cut = [.. scans.Where(s => s.InFlight).Select(s => s.Id)];
            waiting = scans.Single(s => s.State == ScanState.Queued).Id;
            left = [.. rig.ScanPods.Select(p => p.Metadata.Uid)];
            Assert.That(left, Has.Count.EqualTo(2), "the pods of the scans cut off are left (their deletes failed)");
        }

        rig.Api.Faults.FailAllDeletes = false;
        rig.Api.Faults.BehaviorFor = _ => PodBehavior.BecomesReady;
        var restartedAt = DateTimeOffset.UtcNow;
        var again = await rig.StartAsync(bridge, waitForWork: true, cancellationToken);
        await using (again)
        {
            var queue = again.Services.GetRequiredService<IScanQueue>();
            await WaitPostedAsync(rig, images.Keys, cancellationToken);
            await KubernetesServiceRig.WaitIdleAsync(again, cancellationToken);
            await KubernetesServiceRig.WaitUntilAsync(() => rig.ScanPods.Count == 0 && rig.ScanSecrets.Count == 0, "no scanning pod and no per-scan secret left", cancellationToken);

            var scans = await queue.ListAsync(null, 20, cancellationToken);
            foreach (var id in cut)
            {
                var scan = scans.Single(s => s.Id == id);
                Assert.That((scan.State, scan.Attempts, scan.Reason), Is.EqualTo((ScanState.Done, 2, (string?)null)), $"scan {id}, cut off, was queued again and finished: " + Describe(scans));
            }

            var queued = scans.Single(s => s.Id == waiting);
            Assert.That((queued.State, queued.Attempts, queued.Reason), Is.EqualTo((ScanState.Done, 1, (string?)null)), "the scan that waited ran at the next start: " + Describe(scans));
            Assert.That(scans.Where(s => !cut.Contains(s.Id) && s.Id != waiting).Select(s => s.Reason), Is.All.EqualTo(ScanExecution.Unchanged), "anything discovery queued meanwhile found its image done");
            await AssertPostedAsync(rig, images, cancellationToken);

            var deletes = rig.Api.PodCalls.Where(c => c.Verb == "delete" && c.At >= restartedAt).Select(c => c.Uid).ToList();
            Assert.That(left, Is.SubsetOf(deletes), "the restarted bridge deleted the pods the stop left");
            Assert.That(bridge.Counter.Jobs, Has.Count.EqualTo(5), "two scans cut off, then three at the next start");
            Assert.That(rig.Inspectors.StartedWith, Has.Count.EqualTo(3), "a real inspector ran for each scan that finished");
            await again.StopAsync(cancellationToken);
        }

        Assert.That(rig.ScanPods, Is.Empty);
    }

    [Test]
    [CancelAfter(Timeout)]
    public async Task TwoBridges_OnlyTheLeaseHolderCreatesPods_AndTheOtherTakesOverAfterTheHolderIsKilled(CancellationToken cancellationToken)
    {
        await using var rig = await KubernetesServiceRig.StartAsync(cancellationToken);
        var images = await AddImagesAsync(rig, "lease", 3, cancellationToken);
        var a = rig.NewBridge("bridge-a");
        var b = rig.NewBridge("bridge-b");
        var byToken = new Dictionary<string, string> { [a.Token] = a.Name, [b.Token] = b.Name };
        rig.Api.Faults.BehaviorFor = _ => PodBehavior.NeverReady;

        var holder = await rig.StartAsync(a, waitForWork: true, cancellationToken);
        var holderDisposed = false;
        WebApplication? standby = null;
        try
        {
            Assert.That(rig.LeaseHolder, Is.EqualTo(a.Name), "the first bridge took the Lease");
            standby = await rig.StartAsync(b, waitForWork: false, cancellationToken);
            await KubernetesServiceRig.WaitUntilAsync(() => rig.ScanPods.Count(p => p.Status?.Phase == "Running") == 2, "the holder's two scans in flight in running pods", cancellationToken);

            // The standby has tried the Lease for longer than a lease duration, so it would have taken a Lease left unrenewed.
            var tries = (int)(2 * KubernetesServiceRig.LeaseDuration / KubernetesServiceRig.RetryPeriod);
            await KubernetesServiceRig.WaitUntilAsync(() => rig.Api.LeaseRequestsBy(b.Token) >= tries, $"the standby tried the Lease {tries} times", cancellationToken);
            Assert.Multiple(() =>
            {
                Assert.That(rig.LeaseHolder, Is.EqualTo(a.Name), "the holder kept the Lease");
                Assert.That(KubernetesServiceRig.Runner(standby).Started.IsCompleted, Is.False, "the standby's work did not start");
                Assert.That(standby.Services.GetRequiredService<IActiveGuard>().IsHeld, Is.False);
                Assert.That(b.Counter.Jobs, Is.Empty, "the standby scanned nothing");
                Assert.That(rig.Api.PodCalls.Where(c => c.Verb == "create").Select(c => c.Bearer), Is.EqualTo(new[] { a.Token, a.Token }), "only the holder created pods");
                Assert.That(rig.Api.PodCalls.Where(c => c.Verb == "delete"), Is.Empty, "the standby swept none of the holder's pods");
            });

            // The holder is killed: from now on nothing it sends takes effect (no renewal, no release, no delete).
            var killedAt = DateTimeOffset.UtcNow;
            rig.Api.Faults.CutOff(a.Token);
            rig.Api.Faults.BehaviorFor = _ => PodBehavior.BecomesReady;
            var killedPods = rig.ScanPods.Select(p => p.Metadata.Uid).ToHashSet();
            Assert.That(killedPods, Has.Count.EqualTo(2));
            await holder.StopAsync(cancellationToken);
            await holder.DisposeAsync();
            holderDisposed = true;

            await KubernetesServiceRig.WaitUntilAsync(() => KubernetesServiceRig.Runner(standby).Started.IsCompletedSuccessfully, "the standby took the Lease over and started its work", cancellationToken);
            await WaitPostedAsync(rig, images.Keys, cancellationToken);
            await KubernetesServiceRig.WaitIdleAsync(standby, cancellationToken);
            await KubernetesServiceRig.WaitUntilAsync(() => rig.ScanPods.Count == 0 && rig.ScanSecrets.Count == 0, "no scanning pod and no per-scan secret left", cancellationToken);

            var calls = rig.Api.PodCalls.ToList();
            var writes = rig.Api.LeaseWrites.Where(w => w.Namespace == KubernetesServiceRig.Namespace).ToList();
            var lastByKilled = writes.Last(w => w.Bearer == a.Token);
            var takeover = writes.First(w => w.Bearer == b.Token);
            Assert.Multiple(() =>
            {
                foreach (var create in calls.Where(c => c.Verb == "create"))
                {
                    Assert.That(create.LeaseHolders, Is.EqualTo(new[] { byToken[create.Bearer!] }), $"pod {create.Name} was created by the Lease's holder");
                }

                Assert.That(calls.Count(c => c.Verb == "create" && c.Bearer == a.Token), Is.EqualTo(2), "the killed bridge created its two pods, no more");
                Assert.That(calls.Count(c => c.Verb == "create" && c.Bearer == b.Token), Is.EqualTo(3), "the new holder scanned every image");
                foreach (var uid in killedPods)
                {
                    Assert.That(calls.Where(c => c.Verb == "delete" && c.Uid == uid).Select(c => c.Bearer), Is.EqualTo(new[] { b.Token }), $"pod {uid} of the killed bridge was swept by the new holder");
                }

                Assert.That(lastByKilled.At, Is.LessThan(killedAt), "the killed bridge wrote the Lease no more, nor released it");
                Assert.That(lastByKilled.Holder, Is.EqualTo(a.Name));
                Assert.That(takeover.Holder, Is.EqualTo(b.Name));
                Assert.That(takeover.At - lastByKilled.At, Is.GreaterThanOrEqualTo(KubernetesServiceRig.LeaseDuration - TimeSpan.FromMilliseconds(100)), "taken over only once the Lease was unchanged for its duration");
                Assert.That(rig.LeaseHolder, Is.EqualTo(b.Name));
                Assert.That(KubernetesServiceRig.Runner(standby).Stop, Is.EqualTo(ServiceStop.Requested), "the new holder keeps working");
                Assert.That(a.Counter.Jobs, Has.Count.EqualTo(2), "the killed bridge's scans: the two cut off");
            });
            await AssertPostedAsync(rig, images, cancellationToken);
            await standby.StopAsync(cancellationToken);
        }
        finally
        {
            if (!holderDisposed)
            {
                await holder.DisposeAsync();
            }

            if (standby is not null)
            {
                await standby.DisposeAsync();
            }
        }
    }

    [Test]
    [CancelAfter(Timeout)]
    public async Task Readyz_TheStandbyAnswers503NamingTheLease_AndTheHolder200(CancellationToken cancellationToken)
    {
        await using var rig = await KubernetesServiceRig.StartAsync(cancellationToken);
        var a = rig.NewBridge("bridge-a");
        var b = rig.NewBridge("bridge-b");
        var holder = await rig.StartAsync(a, waitForWork: true, cancellationToken);
        var holderDisposed = false;
        WebApplication? standby = null;
        try
        {
            standby = await rig.StartAsync(b, waitForWork: false, cancellationToken);
            await KubernetesServiceRig.WaitUntilAsync(async () => (await KubernetesServiceRig.ReadyAsync(holder, cancellationToken)).Status == 200, "the holder is ready once it listed ManageIQ's images", cancellationToken);
            await KubernetesServiceRig.WaitUntilAsync(() => rig.Api.LeaseRequestsBy(b.Token) >= 4, "the standby tried the Lease", cancellationToken);

            var (status, body) = await KubernetesServiceRig.ReadyAsync(standby, cancellationToken);
            var (holderStatus, holderBody) = await KubernetesServiceRig.ReadyAsync(holder, cancellationToken);
            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(503), body.ToString());
                Assert.That(body.Value<bool>("ready"), Is.False);
                Assert.That(body["checks"]!.Value<string>("lease"), Is.EqualTo("bridge-b waits for the single-active guard, held by bridge-a"), body.ToString());
                Assert.That(body["checks"]!.Value<string>("store"), Is.EqualTo("ok"), body.ToString());
                Assert.That(holderStatus, Is.EqualTo(200), holderBody.ToString());
                Assert.That(holderBody["checks"]!.Value<string>("lease"), Is.EqualTo("ok"), holderBody.ToString());
                Assert.That(rig.LeaseHolder, Is.EqualTo(a.Name));
            });

            // A graceful stop releases the Lease (as serve does, when its host is disposed after the stop): the standby
            // takes it on its next try and becomes ready.
            await holder.StopAsync(cancellationToken);
            await holder.DisposeAsync();
            holderDisposed = true;
            var last = body;
            await KubernetesServiceRig.WaitUntilAsync(
                async () =>
                {
                    (status, last) = await KubernetesServiceRig.ReadyAsync(standby, cancellationToken);
                    return status == 200;
                },
                () => $"the standby is ready once it holds the Lease (holder {rig.LeaseHolder}): {last}",
                cancellationToken);
            Assert.That(rig.LeaseHolder, Is.EqualTo(b.Name));
            Assert.That(rig.Api.LeaseWrites.Any(w => w.Bearer == a.Token && string.IsNullOrEmpty(w.Holder)), Is.True, "the holder released the Lease");
            await standby.StopAsync(cancellationToken);
        }
        finally
        {
            if (!holderDisposed)
            {
                await holder.DisposeAsync();
            }

            if (standby is not null)
            {
                await standby.DisposeAsync();
            }
        }
    }

    /// <summary>Pushes <paramref name="count"/> Debian images and adds them to ManageIQ; their ids and digests.</summary>
    private static async Task<Dictionary<long, string>> AddImagesAsync(KubernetesServiceRig rig, string prefix, int count, CancellationToken cancellationToken)
    {
        var images = new Dictionary<long, string>();
        for (var i = 0; i < count; i++)
        {
            var repository = $"apps/{prefix}{i}";
            var built = await rig.Service.PushDebianAsync(repository, "1.0", cancellationToken);
            images[await rig.Service.AddImageAsync(repository, "1.0", built.ManifestDigest, cancellationToken)] = built.ManifestDigest;
        }

        return images;
    }

    private static Task WaitPostedAsync(KubernetesServiceRig rig, IEnumerable<long> ids, CancellationToken cancellationToken) =>
        KubernetesServiceRig.WaitUntilAsync(
            async () =>
            {
                foreach (var id in ids)
                {
                    if (!(await rig.Service.OpenScapAttributesAsync(id, cancellationToken)).ContainsKey("openscap_status"))
                    {
                        return false;
                    }
                }

                return true;
            },
            "every image's result posted to ManageIQ",
            cancellationToken);

    private static async Task AssertPostedAsync(KubernetesServiceRig rig, Dictionary<long, string> images, CancellationToken cancellationToken)
    {
        foreach (var (id, digest) in images)
        {
            var attributes = await rig.Service.OpenScapAttributesAsync(id, cancellationToken);
            Assert.That(attributes["openscap_digest"], Is.EqualTo(digest), $"image {id}");
            Assert.That(attributes["openscap_status"], Is.AnyOf("compliant", "non_compliant"), $"image {id}: " + string.Join(", ", attributes) + "\n" + string.Join("\n", rig.Inspectors.Output.TakeLast(30)));
        }
    }

    private static string Describe(IEnumerable<QueuedScan> scans) =>
        string.Join("; ", scans.Select(s => $"{s.Id} image {s.ImageId} {s.State} x{s.Attempts} {s.Reason}"));
}
