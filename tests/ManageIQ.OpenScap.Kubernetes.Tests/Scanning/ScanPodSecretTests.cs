using System.Text;
using k8s;
using k8s.Models;
using ManageIQ.OpenScap.Kubernetes.Cleanup;
using ManageIQ.OpenScap.Kubernetes.FakeApi;
using ManageIQ.OpenScap.Kubernetes.Pods;
using ManageIQ.OpenScap.Kubernetes.Scanning;
using ManageIQ.OpenScap.Kubernetes.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Scanning;

/// <summary>The per-pod secret: created first, owned by the pod, deleted with it; credentials never in the spec.</summary>
public sealed class ScanPodSecretTests : ScanHarnessFixture
{
    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_DuringTheScan_TheTokenIsInASecretOwnedByThePod(CancellationToken ct)
    {
        Harness.Api.Faults.BehaviorFor = _ => PodBehavior.NeverReady;
        await using var process = Harness.NewProcess();

        var scan = process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-owned") with { Timeout = TimeSpan.FromSeconds(3) }, ct);
        var (pod, secret) = await WaitForOwnedSecretAsync(ct);
        Assert.That(async () => await scan, Throws.TypeOf<ScanPodException>());

        var token = Encoding.UTF8.GetString(secret.Data[ScanPodSecret.AuthTokenKey]);
        Assert.Multiple(() =>
        {
            Assert.That(token, Does.Match("^[0-9a-f]{64}$"));
            Assert.That(KubernetesJson.Serialize(pod), Does.Not.Contain(token), "the token is not in the pod spec");
            Assert.That(secret.Metadata.OwnerReferences.Single().Uid, Is.EqualTo(pod.Metadata.Uid));
            Assert.That(secret.Metadata.Annotations[ScanPodMetadata.JobIdAnnotation], Is.EqualTo("job-owned"));
            Assert.That(pod.Status.ContainerStatuses.Single().State.Running, Is.Not.Null, "the kubelet found the secret the environment refers to");
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_ProxyAndFeedCredentials_ReachThePodOnlyThroughItsSecret(CancellationToken ct)
    {
        Harness.Settings["Kubernetes:Pod:HttpsProxy"] = "http://scanner:proxy-pass@proxy.example:3128";
        Harness.Settings["Kubernetes:Pod:CveUrl"] = "https://feeder:feed-pass@feeds.example/oval/";
        Harness.Api.Faults.BehaviorFor = _ => PodBehavior.NeverReady;
        await using var process = Harness.NewProcess();

        var scan = process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-credentials") with { Timeout = TimeSpan.FromSeconds(3) }, ct);
        var (pod, secret) = await WaitForOwnedSecretAsync(ct);
        Assert.That(async () => await scan, Throws.TypeOf<ScanPodException>());

        Assert.Multiple(() =>
        {
            Assert.That(KubernetesJson.Serialize(pod), Does.Not.Contain("proxy-pass").And.Not.Contain("feed-pass"));
            Assert.That(pod.Spec.Containers[0].Args, Has.None.Contains("feeds.example"));
            Assert.That(Encoding.UTF8.GetString(secret.Data[ScanPodSecret.HttpsProxyKey]), Does.Contain("proxy-pass"));
            Assert.That(Encoding.UTF8.GetString(secret.Data[ScanPodSecret.CveUrlKey]), Does.Contain("feed-pass"));
            Assert.That(pod.Status.ContainerStatuses.Single().State.Running, Is.Not.Null, "every secretKeyRef resolves");
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_OwnerPatchRefused_StillDeletesTheSecret(CancellationToken ct)
    {
        Harness.Api.Faults.FailNext("PATCH", "/secrets/", 403);
        await using var process = Harness.NewProcess();

        var result = await process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-no-owner"), ct);

        Assert.Multiple(() =>
        {
            Assert.That(result.ArfPath, Does.Exist);
            Assert.That(Harness.Logs.GetSnapshot().Count(r => r.Id.Id == 5043), Is.EqualTo(1), "the missing owner is logged");
            Assert.That(Harness.Api.RequestsByKind["delete secret"], Is.EqualTo(1));
            Assert.That(Harness.Api.RequestsByKind.GetValueOrDefault("secret collected with its pod"), Is.Zero);
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_SecretCreateForbidden_FailsNamingItAndLeaksNoRegistration(CancellationToken ct)
    {
        Harness.Api.Faults.FailNext("POST", "/secrets", 403);
        await using var process = Harness.NewProcess();
        var orchestrator = process.GetRequiredService<IScanPodOrchestrator>();

        var failure = Assert.ThrowsAsync<ScanPodException>(() => orchestrator.RunScanAsync(Harness.Request("job-again"), ct));

        Assert.That(failure!.Failure, Is.EqualTo(ScanPodFailure.ApiError));
        Assert.That(failure.Message, Does.Contain("secret").And.Contain("403").And.Contain("RBAC"));
        Assert.That(process.GetRequiredService<ActiveScanRegistry>().Count, Is.Zero);
        Assert.That(Harness.Api.RequestsByKind.GetValueOrDefault("create pod"), Is.Zero, "no pod without its secret");
        var retried = await orchestrator.RunScanAsync(Harness.Request("job-again"), ct);
        Assert.That(retried.ArfPath, Does.Exist, "the same job may run again");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_TimeLimitBeyondTheTimers_ThrowsAndLeaksNoRegistration(CancellationToken ct)
    {
        await using var process = Harness.NewProcess();
        var orchestrator = process.GetRequiredService<IScanPodOrchestrator>();

        Assert.That(
            () => orchestrator.RunScanAsync(Harness.Request("job-forever") with { Timeout = TimeSpan.FromDays(60) }, ct),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("at most 7.00:00:00"));

        Assert.That(process.GetRequiredService<ActiveScanRegistry>().Count, Is.Zero);
        Assert.That((await orchestrator.RunScanAsync(Harness.Request("job-forever"), ct)).ArfPath, Does.Exist);
    }

    private async Task<(V1Pod Pod, V1Secret Secret)> WaitForOwnedSecretAsync(CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (Harness.Api.Pods.Pods is [var pod, ..]
                && pod.Status?.ContainerStatuses?.FirstOrDefault()?.State?.Running is not null
                && Harness.Api.SecretsLabelled(ScanPodMetadata.OwnerLabel) is [var secret]
                && secret.Metadata.OwnerReferences is { Count: > 0 })
            {
                return (pod, secret);
            }

            await Task.Delay(10, ct);
        }
    }
}
