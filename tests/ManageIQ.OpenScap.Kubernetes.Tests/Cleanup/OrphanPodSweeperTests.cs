using k8s.Models;
using ManageIQ.OpenScap.Kubernetes.Cleanup;
using ManageIQ.OpenScap.Kubernetes.Configuration;
using ManageIQ.OpenScap.Kubernetes.Connections;
using ManageIQ.OpenScap.Kubernetes.FakeApi;
using ManageIQ.OpenScap.Kubernetes.Pods;
using ManageIQ.OpenScap.Kubernetes.Scanning;
using ManageIQ.OpenScap.Kubernetes.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Cleanup;

public sealed class OrphanPodSweeperTests : ScanHarnessFixture
{
    [Test]
    [CancelAfter(30_000)]
    public async Task SweepAtStart_BridgeRestartedInTheMiddleOfScans_DeletesEveryLeftPod(CancellationToken ct)
    {
        Harness.Api.Faults.BehaviorFor = _ => PodBehavior.NeverReady;
        var crashed = Harness.NewProcess();
        using var scans = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var orchestrator = crashed.GetRequiredService<IScanPodOrchestrator>();
        var running = Enumerable.Range(1, 3).Select(i => orchestrator.RunScanAsync(Harness.Request($"job-crash-{i}"), scans.Token)).ToList();
        await WaitUntilAsync(() => Harness.Api.Pods.Pods.Count == 3, ct);

        // The process dies: it can no longer clean up, and what it remembered dies with it.
        Harness.Api.Faults.FailAllDeletes = true;
        await scans.CancelAsync();
        foreach (var scan in running)
        {
            Assert.That(async () => await scan, Throws.InstanceOf<OperationCanceledException>());
        }

        await crashed.DisposeAsync();
        Assert.That(Harness.Api.Pods.Pods, Has.Count.EqualTo(3), "the crash left its pods behind");
        Harness.Api.Faults.FailAllDeletes = false;

        await using var restarted = Harness.NewProcess();
        var services = restarted.GetServices<IHostedService>().ToList();
        foreach (var service in services)
        {
            await service.StartAsync(ct);
        }

        Assert.That(await Harness.WaitForNoPodsAsync(TimeSpan.FromSeconds(10)), Is.True, "the sweep at start removed them");
        foreach (var service in services)
        {
            await service.StopAsync(ct);
        }
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SweepAsync_PodOfARunningScan_IsKept(CancellationToken ct)
    {
        Harness.Api.Faults.BehaviorFor = _ => PodBehavior.NeverReady;
        await using var process = Harness.NewProcess();
        using var scans = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var scan = process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-running"), scans.Token);
        await WaitUntilAsync(() => Harness.Api.Pods.Pods.Count == 1, ct);

        var result = await process.GetRequiredService<IOrphanPodSweeper>().SweepAsync(ct);

        Assert.That(result, Is.EqualTo(new OrphanSweepResult(Examined: 1, Deleted: 0, Kept: 1, Failed: 0)));
        Assert.That(Harness.Api.Pods.Pods, Has.Count.EqualTo(1));
        await scans.CancelAsync();
        Assert.That(async () => await scan, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SweepAsync_KnownJobPastItsDeadline_DeletesThePod(CancellationToken ct)
    {
        await using var process = Harness.NewProcess();
        var pod = AddPod("job-late", "manageiq-openscap");
        process.GetRequiredService<ActiveScanRegistry>().Register(new ActiveScan("job-late", "fake", pod.Metadata.Name, DateTimeOffset.UtcNow.AddSeconds(-1)));

        var result = await process.GetRequiredService<IOrphanPodSweeper>().SweepAsync(ct);

        Assert.That(result.Deleted, Is.EqualTo(1));
        Assert.That(Harness.Api.Pods.Pods, Is.Empty);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SweepAsync_PodOfAnotherBridge_IsNotTouched(CancellationToken ct)
    {
        await using var process = Harness.NewProcess();
        var foreign = AddPod("job-elsewhere", "another-bridge");

        var result = await process.GetRequiredService<IOrphanPodSweeper>().SweepAsync(ct);

        Assert.That(result.Examined, Is.Zero);
        Assert.That(Harness.Api.Pods.Get(ScanHarness.Namespace, foreign.Metadata.Name), Is.Not.Null);
        Harness.Api.Pods.Remove(ScanHarness.Namespace, foreign.Metadata.Name);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task RunScanAsync_DeleteFailsThreeTimes_IsRetriedBySweepsUntilThePodIsGone(CancellationToken ct)
    {
        await using var process = Harness.NewProcess();
        Harness.Api.Faults.FailNextDeletes(3);

        var scan = await process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-sticky"), ct);
        Assert.That(scan.ArfPath, Does.Exist, "a failed delete does not fail the scan");
        Assert.That(process.GetRequiredService<PendingPodDeletions>().Count, Is.EqualTo(1));

        var sweeper = process.GetRequiredService<IOrphanPodSweeper>();
        var first = await sweeper.SweepAsync(ct);
        Assert.That(first.Failed, Is.EqualTo(1), "the pending retry failed; the listed pod is not tried twice in one sweep");
        Assert.That(process.GetRequiredService<PendingPodDeletions>().Count, Is.EqualTo(1), "still remembered");
        Assert.That((await sweeper.SweepAsync(ct)).Failed, Is.EqualTo(1));
        var third = await sweeper.SweepAsync(ct);

        Assert.That(third.Deleted, Is.EqualTo(1));
        Assert.That(process.GetRequiredService<IFailedPodDeletions>().List(), Is.Empty, "500s are transient: never given up");
        Assert.That(process.GetRequiredService<PendingPodDeletions>().Count, Is.Zero);
        Assert.That(Harness.Api.Pods.Pods, Is.Empty);
        Assert.That(Harness.Logs.GetSnapshot().Count(r => r.Id.Id == 5004), Is.GreaterThanOrEqualTo(1), "the failed delete was logged");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SweepAsync_DeleteForbidden_GivesUpAfterTheBoundAndRecordsIt(CancellationToken ct)
    {
        Harness.Settings["Kubernetes:MaxDeleteAttempts"] = "2";
        Harness.Api.Faults.FailNext("DELETE", "/pods/", 403, count: 100);
        var pod = AddPod("job-forbidden", "manageiq-openscap");
        await using var process = Harness.NewProcess();
        var sweeper = process.GetRequiredService<IOrphanPodSweeper>();

        await sweeper.SweepAsync(ct);
        Assert.That(process.GetRequiredService<PendingPodDeletions>().Count, Is.EqualTo(1), "one refusal is not yet the bound");
        await sweeper.SweepAsync(ct);
        var refusals = Harness.Api.RequestsByKind["injected failure"];
        await sweeper.SweepAsync(ct);

        var failed = process.GetRequiredService<IFailedPodDeletions>().List();
        Assert.Multiple(() =>
        {
            Assert.That(failed.Select(f => (f.PodName, f.Uid, f.JobId, f.Attempts, f.StatusCode)), Is.EqualTo(new[] { (pod.Metadata.Name, pod.Metadata.Uid, "job-forbidden", 2, (int?)403) }));
            Assert.That(process.GetRequiredService<PendingPodDeletions>().Count, Is.Zero);
            Assert.That(Harness.Logs.GetSnapshot().Count(r => r.Id.Id == 5041 && r.Level == Microsoft.Extensions.Logging.LogLevel.Error), Is.EqualTo(1));
            Assert.That(Harness.Api.RequestsByKind["injected failure"], Is.EqualTo(refusals), "no more deletes are sent for it");
        });
        Harness.Api.Pods.Remove(ScanHarness.Namespace, pod.Metadata.Name);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SweepAsync_SecretLeftByACrash_IsRemovedAndARunningScansSecretKept(CancellationToken ct)
    {
        Harness.Api.Faults.BehaviorFor = _ => PodBehavior.NeverReady;
        await using var process = Harness.NewProcess();
        using var scans = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var scan = process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-live"), scans.Token);
        await WaitUntilAsync(() => Harness.Api.Pods.Pods.Count == 1, ct);
        var leftSpec = new ScanPodSpec(ScanPodName.For("job-crashed", "1"), ScanHarness.Namespace, "job-crashed", "registry.example/app:1", "sha256:1", TimeSpan.FromMinutes(20), DateTimeOffset.UtcNow, [], "token");
        var left = ScanPodSecret.Build(leftSpec, new ScanPodOptions(), "manageiq-openscap");
        left.Metadata.Uid = Guid.NewGuid().ToString();
        Harness.Api.Secrets[(ScanHarness.Namespace, left.Metadata.Name)] = left;

        await process.GetRequiredService<IOrphanPodSweeper>().SweepAsync(ct);

        var remaining = Harness.Api.SecretsLabelled(ScanPodMetadata.OwnerLabel).Select(s => s.Metadata.Name).ToList();
        Assert.That(remaining, Is.EqualTo(new[] { Harness.Api.Pods.Pods.Single().Metadata.Name }), "the crash's secret is gone, the live scan's kept");
        Assert.That(Harness.Logs.GetSnapshot().Count(r => r.Id.Id == 5046), Is.EqualTo(1));
        await scans.CancelAsync();
        Assert.That(async () => await scan, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SweepService_ListFailsTwice_SurvivesAndDeletesTheOrphanOnALaterRound(CancellationToken ct)
    {
        Harness.Api.Faults.FailNext("GET", "/pods", 500, 2);
        AddPod("job-orphan", "manageiq-openscap");
        await using var process = Harness.NewProcess();
        var services = process.GetServices<IHostedService>().ToList();
        foreach (var service in services)
        {
            await service.StartAsync(ct);
        }

        Assert.That(await Harness.WaitForNoPodsAsync(TimeSpan.FromSeconds(10)), Is.True);
        foreach (var service in services)
        {
            await service.StopAsync(ct);
        }

        Assert.That(Harness.Logs.GetSnapshot().Count(r => r.Id.Id == 5022), Is.EqualTo(2), "both failed rounds were logged, neither stopped the loop");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task DeleteAsync_PodReplacedByAnotherJobsPod_LeavesItAlone(CancellationToken ct)
    {
        await using var process = Harness.NewProcess();
        var cluster = process.GetRequiredService<IClusterConnections>().All.Single();
        var pod = AddPod("job-other", "manageiq-openscap");

        var outcome = await ScanPodDeleter.DeleteAsync(cluster, pod.Metadata.Name, Guid.NewGuid().ToString(), ct);

        Assert.That(outcome, Is.EqualTo(PodDeleteOutcome.NotOurs));
        Assert.That(Harness.Api.Pods.Get(ScanHarness.Namespace, pod.Metadata.Name), Is.Not.Null);
        Assert.That(await ScanPodDeleter.DeleteAsync(cluster, pod.Metadata.Name, pod.Metadata.Uid, ct), Is.EqualTo(PodDeleteOutcome.Deleted));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task DeleteAsync_PodAlreadyGone_CountsAsSuccess(CancellationToken ct)
    {
        await using var process = Harness.NewProcess();
        var cluster = process.GetRequiredService<IClusterConnections>().All.Single();

        var outcome = await ScanPodDeleter.DeleteAsync(cluster, "manageiq-img-scan-000000000000", null, ct);

        Assert.That(outcome, Is.EqualTo(PodDeleteOutcome.AlreadyGone));
    }

    private V1Pod AddPod(string jobId, string ownerId)
    {
        var spec = new ScanPodSpec(ScanPodName.For(jobId, "1"), ScanHarness.Namespace, jobId, "registry.example/app:1", "sha256:1", TimeSpan.FromMinutes(20), DateTimeOffset.UtcNow.AddMinutes(20), []);
        return Harness.Api.Pods.Add(ScanPodBuilder.Build(spec, new ScanPodOptions(), ownerId))!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken ct)
    {
        while (!condition())
        {
            await Task.Delay(10, ct);
        }
    }
}
