using ManageIQ.OpenScap.Kubernetes.Cleanup;
using ManageIQ.OpenScap.Kubernetes.Configuration;
using ManageIQ.OpenScap.Kubernetes.Connections;
using ManageIQ.OpenScap.Kubernetes.Pods;
using ManageIQ.OpenScap.Kubernetes.Scanning;
using ManageIQ.OpenScap.Kubernetes.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Connections;

/// <summary>
/// Every call has a deadline: the fake API server stalls a call as a half-open connection would, and the call
/// must end with the deadline's error (each test's CancelAfter is far beyond the deadline, so a hang fails it).
/// </summary>
public sealed class KubernetesDeadlineTests : ScanHarnessFixture
{
    private const string Deadline = "00:00:02";

    [SetUp]
    public void ShortDeadlines()
    {
        Harness.Settings["Kubernetes:RequestTimeout"] = Deadline;
        Harness.Settings["Kubernetes:ProxyTimeout"] = Deadline;
        Harness.Settings["Kubernetes:ProxyIdleTimeout"] = Deadline;
    }

    [TestCase("http://127.0.0.1/api/v1/namespaces/ns/pods?labelSelector=a%3Db", "Request")]
    [TestCase("http://127.0.0.1/api/v1/namespaces/ns/pods?fieldSelector=metadata.name%3Dp&watch=true", "Watch")]
    [TestCase("http://127.0.0.1/api/v1/namespaces/ns/pods/p:8080/proxy/api/v1/openscap", "Proxy")]
    [TestCase("http://127.0.0.1/api/v1/namespaces/ns/secrets/p", "Request")]
    public void KindOf_RequestUri_PicksTheDeadline(string uri, string expected)
    {
        Assert.That(KubernetesDeadlineHandler.KindOf(new Uri(uri)).ToString(), Is.EqualTo(expected));
    }

    [TestCase(false)]
    [TestCase(true)]
    [CancelAfter(30_000)]
    public async Task SweepAsync_ListStalls_EndsWithTheDeadlineErrorAndFinishesTheSweep(bool afterHeaders, CancellationToken ct)
    {
        await using var process = Harness.NewProcess();
        Harness.Api.Faults.StallNext("GET", "/pods?labelSelector", afterHeaders);

        var result = await process.GetRequiredService<IOrphanPodSweeper>().SweepAsync(ct);

        var logged = Harness.Logs.GetSnapshot().Single(r => r.Id.Id == 5022).Exception;
        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.EqualTo(1));
            Assert.That(logged, Is.TypeOf<KubernetesCallTimeoutException>());
            Assert.That(logged!.Message, Does.Contain("/pods").And.Contain("Kubernetes:RequestTimeout").And.Contain("cluster 'fake'"));
            Assert.That(Harness.Api.RequestsByKind["stall ended by the client"], Is.EqualTo(1), "the client gave the connection up");
            Assert.That(Harness.Api.RequestsByKind["list secrets"], Is.EqualTo(1), "the sweep went on with its next call");
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SweepAsync_DeleteStalls_EndsWithTheDeadlineErrorAndTheNextSweepDeletes(CancellationToken ct)
    {
        await using var process = Harness.NewProcess();
        var spec = new ScanPodSpec(ScanPodName.For("job-orphan", "1"), ScanHarness.Namespace, "job-orphan", "registry.example/app:1", "sha256:1", TimeSpan.FromMinutes(20), DateTimeOffset.UtcNow.AddMinutes(20), []);
        Harness.Api.Pods.Add(ScanPodBuilder.Build(spec, new ScanPodOptions(), "manageiq-openscap"));
        Harness.Api.Faults.StallNext("DELETE", "/pods/", afterHeaders: false);
        var sweeper = process.GetRequiredService<IOrphanPodSweeper>();

        var first = await sweeper.SweepAsync(ct);

        var logged = Harness.Logs.GetSnapshot().Single(r => r.Id.Id == 5004).Exception;
        Assert.That(first.Failed, Is.EqualTo(1));
        Assert.That(logged, Is.TypeOf<KubernetesCallTimeoutException>().With.Message.Contains("DELETE").And.Message.Contains("Kubernetes:RequestTimeout"));
        Assert.That(process.GetRequiredService<PendingPodDeletions>().Count, Is.EqualTo(1), "a time-out is transient: retried");
        Assert.That((await sweeper.SweepAsync(ct)).Deleted, Is.EqualTo(1));
    }

    [TestCase("POST", "/namespaces/management-infra/pods", false, "Kubernetes:RequestTimeout")]
    [TestCase("GET", "/proxy/api/v1/metadata", false, "Kubernetes:ProxyTimeout")]
    [TestCase("GET", "/proxy/api/v1/openscap", true, "Kubernetes:ProxyIdleTimeout")]
    [CancelAfter(30_000)]
    public async Task RunScanAsync_CallStalls_FailsWithApiErrorNamingTheDeadline(string method, string path, bool afterHeaders, string key, CancellationToken ct)
    {
        await using var process = Harness.NewProcess();
        Harness.Api.Faults.StallNext(method, path, afterHeaders);
        var request = Harness.Request("job-stall");

        var failure = Assert.ThrowsAsync<ScanPodException>(() => process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(request, ct));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Failure, Is.EqualTo(ScanPodFailure.ApiError), failure.Message);
            Assert.That(failure.Message, Does.Contain(key));
            Assert.That(failure.InnerException, Is.TypeOf<KubernetesCallTimeoutException>());
            Assert.That(File.Exists(Path.Combine(request.OutputDirectory, "results-arf.xml")), Is.False, "no partial ARF is left");
            Assert.That(Harness.Api.RequestsByKind["stall ended by the client"], Is.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task RunScanAsync_WatchGoesSilent_EndsItReadsThePodAndSucceeds(CancellationToken ct)
    {
        Harness.Settings["Kubernetes:WatchIdleTimeout"] = "00:00:01.500";
        await using var process = Harness.NewProcess();
        Harness.Api.Faults.StallNext("GET", "watch=true", afterHeaders: true);

        var result = await process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-silent"), ct);

        Assert.Multiple(() =>
        {
            Assert.That(result.Metadata.OpenSCAP.Status, Is.EqualTo("Success"));
            Assert.That(Harness.Api.RequestsByKind["stall ended by the client"], Is.EqualTo(1), "the silent watch was ended by the client");
            Assert.That(Harness.Logs.GetSnapshot().Where(r => r.Id.Id == 5042).Select(r => r.Message), Has.Some.Contains("Kubernetes:WatchIdleTimeout"));
            Assert.That(Harness.Api.RequestsByKind["get pod"], Is.GreaterThanOrEqualTo(1), "the pod was read afresh");
        });
    }
}
