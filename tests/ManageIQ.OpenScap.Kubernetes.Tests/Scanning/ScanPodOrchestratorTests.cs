using System.Diagnostics;
using k8s.Models;
using ManageIQ.OpenScap.Kubernetes.Connections;
using ManageIQ.OpenScap.Kubernetes.FakeApi;
using ManageIQ.OpenScap.Kubernetes.Scanning;
using ManageIQ.OpenScap.Kubernetes.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Scanning;

public sealed class ScanPodOrchestratorTests : ScanHarnessFixture
{
    private static readonly string[] PullSecretNames = ["inspector-admin-dockercfg-x1", "quay-pull"];

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_PodBecomesReady_ReturnsMetadataSummaryAndStreamedFiles(CancellationToken ct)
    {
        Harness.Inspector.ArfBytes = 3 * 1024 * 1024;
        await using var process = Harness.NewProcess();
        var request = Harness.Request("job-happy");

        var result = await process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(request, ct);

        Assert.Multiple(() =>
        {
            Assert.That(result.PodName, Does.StartWith("manageiq-img-scan-"));
            Assert.That(result.Metadata.Id, Is.EqualTo(request.ImageId));
            Assert.That(result.Metadata.OpenSCAP.Status, Is.EqualTo("Success"));
            Assert.That(new FileInfo(result.ArfPath!).Length, Is.EqualTo(3 * 1024 * 1024));
            Assert.That(File.ReadAllText(result.HtmlReportPath!), Does.Contain("OpenSCAP Evaluation Report"));
            Assert.That(result.Summary!.Results["fail"], Is.EqualTo(6));
            Assert.That(result.Summary.FailedBySeverity.High, Is.EqualTo(1));
            Assert.That(Harness.Inspector.Unauthorized, Is.Zero, "every proxied call carried the pod's X-Auth-Token");
            Assert.That(Harness.Api.RequestsByKind["delete pod"], Is.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_HappyPath_UsesAtMostTenApiRequestsAndWatchesInsteadOfPolling(CancellationToken ct)
    {
        await using var process = Harness.NewProcess();
        var orchestrator = process.GetRequiredService<IScanPodOrchestrator>();
        await orchestrator.RunScanAsync(Harness.Request("job-warm-up"), ct);
        Harness.Api.ResetCounters();

        await orchestrator.RunScanAsync(Harness.Request("job-counted"), ct);

        var kinds = Harness.Api.RequestsByKind;
        Assert.Multiple(() =>
        {
            Assert.That(Harness.Api.RequestCount, Is.LessThanOrEqualTo(13), string.Join(", ", kinds));
            Assert.That(kinds.GetValueOrDefault("get pod"), Is.Zero, "the pod is watched, not polled");
            Assert.That(kinds["watch pods"], Is.EqualTo(1));
            Assert.That(kinds["proxy"], Is.EqualTo(4));
            Assert.That(kinds["create secret"], Is.EqualTo(1));
            Assert.That(kinds["patch secret"], Is.EqualTo(1), "the pod is made the secret's owner");
            Assert.That(kinds["delete secret"], Is.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_CreatedPod_CarriesJobAnnotationsLabelsAndSecurityContext(CancellationToken ct)
    {
        Harness.Api.Faults.BehaviorFor = _ => PodBehavior.NeverReady;
        await using var process = Harness.NewProcess();
        var request = Harness.Request("job-spec") with { Timeout = TimeSpan.FromSeconds(2) };

        var scan = process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(request, ct);
        var pod = await WaitForPodAsync(ct);
        Assert.That(async () => await scan, Throws.TypeOf<ScanPodException>());

        var container = pod.Spec.Containers.Single();
        Assert.Multiple(() =>
        {
            Assert.That(pod.Metadata.NamespaceProperty, Is.EqualTo("management-infra"));
            Assert.That(pod.Metadata.Annotations["manageiq.org/jobid"], Is.EqualTo("job-spec"));
            Assert.That(pod.Metadata.Annotations["manageiq.org/image"], Is.EqualTo(request.Image));
            Assert.That(pod.Metadata.Annotations["manageiq.org/image-id"], Is.EqualTo(request.ImageId));
            Assert.That(pod.Metadata.Labels["app.kubernetes.io/managed-by"], Is.EqualTo("manageiq-openscap"));
            Assert.That(pod.Metadata.Labels["manageiq.org"], Is.EqualTo("true"));
            Assert.That(pod.Spec.ActiveDeadlineSeconds, Is.EqualTo(2));
            Assert.That(pod.Spec.AutomountServiceAccountToken, Is.False);
            Assert.That(container.SecurityContext.ReadOnlyRootFilesystem, Is.True);
            Assert.That(container.Args, Does.Contain("--image=registry.example/app:1.0"));
            Assert.That(container.Env.Single(e => e.Name == "INSPECTOR_AUTH_TOKEN").Value, Is.Null, "the token is not in the pod spec");
            Assert.That(container.Env.Single(e => e.Name == "INSPECTOR_AUTH_TOKEN").ValueFrom.SecretKeyRef.Name, Is.EqualTo(pod.Metadata.Name));
            Assert.That(container.ReadinessProbe.HttpGet.HttpHeaders, Is.Null, "the probe needs no token");
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_InspectorAdminHasPullSecrets_MountsThemAndPassesDockercfg(CancellationToken ct)
    {
        Harness.Api.AddServiceAccount("management-infra", "inspector-admin", ("inspector-admin-dockercfg-x1", "kubernetes.io/dockercfg"), ("quay-pull", "kubernetes.io/dockerconfigjson"));
        Harness.Api.Faults.BehaviorFor = _ => PodBehavior.NeverReady;
        await using var process = Harness.NewProcess();

        var scan = process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-secrets") with { Timeout = TimeSpan.FromSeconds(2) }, ct);
        var pod = await WaitForPodAsync(ct);
        Assert.That(async () => await scan, Throws.TypeOf<ScanPodException>());

        var args = pod.Spec.Containers[0].Args;
        Assert.Multiple(() =>
        {
            Assert.That(args, Does.Contain("--dockercfg=/var/run/secrets/manageiq.org/pull-secrets/inspector-admin-dockercfg-x1/.dockercfg"));
            Assert.That(args, Does.Contain("--dockercfg=/var/run/secrets/manageiq.org/pull-secrets/quay-pull/.dockerconfigjson"));
            Assert.That(pod.Spec.Volumes.Select(v => v.Secret?.SecretName), Is.SupersetOf(PullSecretNames));
            Assert.That(pod.Spec.Containers[0].VolumeMounts.Where(m => m.Name.StartsWith("pull-secret-", StringComparison.Ordinal)).All(m => m.ReadOnlyProperty == true), Is.True);
        });
    }

    [TestCase(PodBehavior.ImagePullBackOff, ScanPodFailure.InspectorImagePullFailed)]
    [TestCase(PodBehavior.ErrImagePull, ScanPodFailure.InspectorImagePullFailed)]
    [TestCase(PodBehavior.CrashLoopBackOff, ScanPodFailure.CrashLoop)]
    [TestCase(PodBehavior.OomKilled, ScanPodFailure.OutOfMemory)]
    [TestCase(PodBehavior.Evicted, ScanPodFailure.Evicted)]
    [TestCase(PodBehavior.DeadlineExceeded, ScanPodFailure.DeadlineExceeded)]
    [TestCase(PodBehavior.Unschedulable, ScanPodFailure.Unschedulable)]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_PodCannotSucceed_FailsFastWithReasonAndDeletesPod(PodBehavior behavior, ScanPodFailure expected, CancellationToken ct)
    {
        Harness.Api.Faults.BehaviorFor = _ => behavior;
        await using var process = Harness.NewProcess();
        var clock = Stopwatch.StartNew();

        var failure = Assert.ThrowsAsync<ScanPodException>(() => process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-fail"), ct));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Failure, Is.EqualTo(expected), failure.Message);
            Assert.That(failure.PodName, Does.StartWith("manageiq-img-scan-"));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "failed fast, long before the 30 s scan limit");
            Assert.That(Harness.Api.Pods.Pods, Is.Empty);
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_PodNeverReady_TimesOutAtTheLimitAndDeletesPod(CancellationToken ct)
    {
        Harness.Api.Faults.BehaviorFor = _ => PodBehavior.NeverReady;
        Harness.Settings["Kubernetes:Pod:ScanTimeout"] = "00:00:01.500";
        await using var process = Harness.NewProcess();
        var clock = Stopwatch.StartNew();

        var failure = Assert.ThrowsAsync<ScanPodException>(() => process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-slow"), ct));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Failure, Is.EqualTo(ScanPodFailure.TimedOut).Or.EqualTo(ScanPodFailure.DeadlineExceeded), failure.Message);
            Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.4)).And.LessThan(TimeSpan.FromSeconds(8)));
            Assert.That(Harness.Api.Pods.Pods, Is.Empty);
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_CallerCancels_StopsAndStillDeletesPod(CancellationToken ct)
    {
        Harness.Api.Faults.BehaviorFor = _ => PodBehavior.NeverReady;
        await using var process = Harness.NewProcess();
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var scan = process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-cancel"), caller.Token);
        await WaitForPodAsync(ct);
        await caller.CancelAsync();

        Assert.That(async () => await scan, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Harness.Api.Pods.Pods, Is.Empty);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_WatchDisconnectsAfterEveryEvent_ReconnectsFromResourceVersionAndSucceeds(CancellationToken ct)
    {
        Harness.Api.Faults.DisconnectWatchesAfterEvents = 1;
        await using var process = Harness.NewProcess();

        var result = await process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-flaky-watch"), ct);

        Assert.Multiple(() =>
        {
            Assert.That(result.Metadata.OpenSCAP.Status, Is.EqualTo("Success"));
            Assert.That(Harness.Api.RequestsByKind["watch disconnected"], Is.GreaterThanOrEqualTo(2));
            Assert.That(Harness.Api.RequestsByKind["watch pods"], Is.GreaterThanOrEqualTo(3));
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_WatchResourceVersionExpired_RereadsPodAndSucceeds(CancellationToken ct)
    {
        Harness.Api.Faults.ExpireNextWatches(1);
        await using var process = Harness.NewProcess();

        var result = await process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-gone"), ct);

        Assert.Multiple(() =>
        {
            Assert.That(result.Metadata.OpenSCAP.Status, Is.EqualTo("Success"));
            Assert.That(Harness.Api.RequestsByKind.GetValueOrDefault("get pod"), Is.EqualTo(1), "410 Gone makes the watcher read the pod afresh");
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_ApiAnswers500OnCreate_FailsWithApiErrorAndLeavesNoPod(CancellationToken ct)
    {
        Harness.Api.Faults.FailNext("POST", "/pods", 500);
        await using var process = Harness.NewProcess();

        var failure = Assert.ThrowsAsync<ScanPodException>(() => process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-500"), ct));

        Assert.That(failure!.Failure, Is.EqualTo(ScanPodFailure.ApiError), failure.Message);
        Assert.That(failure.Message, Does.Contain("500"));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_WatchAnswers503Repeatedly_RetriesAndSucceeds(CancellationToken ct)
    {
        Harness.Api.Faults.FailNext("GET", "/pods", 503, 3);
        await using var process = Harness.NewProcess();

        var result = await process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-503"), ct);

        Assert.That(result.ArfPath, Does.Exist);
        Assert.That(Harness.Api.RequestsByKind["injected failure"], Is.EqualTo(3));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_WatchForbidden_FailsWithApiErrorAndDeletesPod(CancellationToken ct)
    {
        Harness.Api.Faults.FailNext("GET", "/pods", 403);
        await using var process = Harness.NewProcess();

        var failure = Assert.ThrowsAsync<ScanPodException>(() => process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-403"), ct));

        Assert.That(failure!.Failure, Is.EqualTo(ScanPodFailure.ApiError), failure.Message);
        Assert.That(failure.Message, Does.Contain("403"));
        Assert.That(Harness.Api.Pods.Pods, Is.Empty);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_ProxyAnswers500_FailsWithInspectorErrorAndDeletesPod(CancellationToken ct)
    {
        Harness.Api.Faults.FailNext("GET", "/proxy/api/v1/metadata", 500);
        await using var process = Harness.NewProcess();

        var failure = Assert.ThrowsAsync<ScanPodException>(() => process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-proxy-500"), ct));

        Assert.That(failure!.Failure, Is.EqualTo(ScanPodFailure.InspectorError), failure.Message);
        Assert.That(failure.Message, Does.Contain("api/v1/metadata").And.Contain("500"));
        Assert.That(Harness.Api.Pods.Pods, Is.Empty);
    }

    private static readonly object[] InspectorFailures =
    [
        new object[] { "acquire error", (Action<FakeInspectorServer>)(i => i.ImageAcquireError = "manifest unknown: registry.example/app:1.0"), ScanPodFailure.ImageAcquireFailed, "manifest unknown" },
        new object[] { "another image scanned", (Action<FakeInspectorServer>)(i => i.ImageIdOverride = "sha256:" + new string('f', 64)), ScanPodFailure.ImageMismatch, new string('f', 64) },
        new object[] { "garbage metadata", (Action<FakeInspectorServer>)(i => i.RawMetadata = "<html>502 Bad Gateway</html>"), ScanPodFailure.InspectorError, "invalid JSON" },
    ];

    [TestCaseSource(nameof(InspectorFailures))]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_InspectorReportsAFailure_FailsWithItsKindAndMessage(string what, Action<FakeInspectorServer> inspector, ScanPodFailure expected, string message, CancellationToken ct)
    {
        inspector(Harness.Inspector);
        await using var process = Harness.NewProcess();

        var failure = Assert.ThrowsAsync<ScanPodException>(() => process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-" + what.Replace(' ', '-')), ct));

        Assert.That(failure!.Failure, Is.EqualTo(expected), failure.Message);
        Assert.That(failure.Message, Does.Contain(message));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_OpenScapError_ReturnsMetadataWithoutArf(CancellationToken ct)
    {
        Harness.Inspector.OpenScapStatus = "Error";
        Harness.Inspector.OpenScapErrorMessage = "Unable to get RHEL distribution number";
        await using var process = Harness.NewProcess();

        var result = await process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-oscap-error"), ct);

        Assert.Multiple(() =>
        {
            Assert.That(result.Metadata.OpenSCAP.ErrorMessage, Is.EqualTo("Unable to get RHEL distribution number"));
            Assert.That(result.ArfPath, Is.Null);
            Assert.That(result.Summary, Is.Null);
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_NoHtmlReport_ReturnsNullReportPath(CancellationToken ct)
    {
        Harness.Inspector.ServesHtmlReport = false;
        await using var process = Harness.NewProcess();

        var result = await process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-no-html"), ct);

        Assert.That(result.HtmlReportPath, Is.Null);
        Assert.That(result.ArfPath, Does.Exist);
    }

    [TestCase("Kubernetes:MaxArfBytes", "results-arf.xml")]
    [TestCase("Kubernetes:MaxHtmlReportBytes", "report.html")]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_DownloadOverItsCap_FailsNamingTheCapAndRemovesThePartialFile(string cap, string file, CancellationToken ct)
    {
        Harness.Inspector.ArfBytes = 3 * 1024 * 1024;
        Harness.Inspector.HtmlReportBytes = 3 * 1024 * 1024;
        Harness.Settings[cap] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var process = Harness.NewProcess();
        var request = Harness.Request("job-too-big");

        var failure = Assert.ThrowsAsync<ScanPodException>(() => process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(request, ct));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Failure, Is.EqualTo(ScanPodFailure.InspectorError), failure.Message);
            Assert.That(failure.Message, Does.Contain(cap).And.Contain("more than 1048576 bytes"));
            Assert.That(File.Exists(Path.Combine(request.OutputDirectory, file)), Is.False, "the partial file was removed");
            Assert.That(Harness.Api.Pods.Pods, Is.Empty);
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_SlowDelete_ReturnsAndThePodGoesAway(CancellationToken ct)
    {
        Harness.Api.Faults.SlowDeletes = TimeSpan.FromMilliseconds(800);
        await using var process = Harness.NewProcess();

        var result = await process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-slow-delete"), ct);

        Assert.That(Harness.Api.Pods.Pods.Single().Metadata.DeletionTimestamp, Is.Not.Null, "terminating, not yet gone");
        Assert.That(await Harness.WaitForNoPodsAsync(TimeSpan.FromSeconds(5)), Is.True);
        Assert.That(result.ArfPath, Does.Exist);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_UnknownProvider_ThrowsNamingTheProvider(CancellationToken ct)
    {
        await using var process = Harness.NewProcess();
        var request = Harness.Request("job-unknown") with { Provider = new ProviderRef("99", "Elsewhere") };

        Assert.That(
            () => process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(request, ct),
            Throws.TypeOf<UnknownProviderException>().With.Message.Contains("Elsewhere"));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_ProviderMatchedByNameOnly_UsesThatCluster(CancellationToken ct)
    {
        await using var process = Harness.NewProcess();
        var request = Harness.Request("job-by-name") with { Provider = new ProviderRef(null, "openshift fake") };

        var result = await process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(request, ct);

        Assert.That(result.ArfPath, Does.Exist);
    }

    private async Task<V1Pod> WaitForPodAsync(CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (Harness.Api.Pods.Pods is [var pod, ..])
            {
                return pod;
            }

            await Task.Delay(10, ct);
        }
    }
}
