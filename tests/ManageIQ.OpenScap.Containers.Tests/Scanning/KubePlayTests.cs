using System.Net;
using ManageIQ.OpenScap.Containers.Tests.Support;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Kubernetes.Pods;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Containers.Tests.Scanning;

/// <summary>
/// The generated scanning pod, run for real by <c>podman kube play --network host</c>: podman parses Kubernetes'
/// own Pod schema, and enforces the security context. The inspector becomes ready, serves the results on
/// 127.0.0.1 and stops cleanly when the pod is torn down.
/// </summary>
[CancelAfter(600_000)]
public sealed class KubePlayTests
{
    /// <summary>Fields of the generated pod that podman 4.3 does not honour, and why that is acceptable here.</summary>
    public static IReadOnlyDictionary<string, string> NotHonoured { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["spec.activeDeadlineSeconds"] = "a kubelet deadline; podman has none (the test bounds the run itself)",
        ["spec.containers[].readinessProbe"] = "podman kube play maps only liveness probes; the test polls /readyz as the kubelet would",
        ["spec.volumes[].emptyDir.sizeLimit"] = "podman makes an anonymous volume without a size; the kubelet evicts on it (the podman run tests use a size-limited tmpfs)",
        ["spec.containers[].resources (ephemeral-storage)"] = "no podman equivalent; cpu and memory limits become cgroup limits",
        ["spec.securityContext.runAsNonRoot"] = "the kubelet's check that the user is non-zero; runAsUser 10001 is applied, so the check would pass",
        ["spec.securityContext.seccompProfile RuntimeDefault"] = "podman's default seccomp profile is used, which is the runtime default",
        ["spec.automountServiceAccountToken, spec.enableServiceLinks"] = "there is no API server: nothing to mount or link",
        ["spec.containers[].terminationMessagePolicy"] = "no termination message outside Kubernetes; podman keeps the logs",
        ["metadata.namespace, labels, annotations"] = "podman has no namespaces; labels and annotations are kept as metadata only",
    };

    [Test]
    public async Task Play_GeneratedScanningPod_BecomesReadyServesResultsAndEndsOnTeardown(CancellationToken cancellationToken)
    {
        using var directory = new TempDirectory("miq-play-");
        var played = PlayedPod.For(ScannedImages.Debian);
        var yaml = directory.Combine("pod.yaml");
        await File.WriteAllTextAsync(yaml, played.Yaml, cancellationToken);
        try
        {
            await Podman.CheckAsync(["kube", "play", "--network=host", yaml], cancellationToken);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{played.Port}"), Timeout = TimeSpan.FromSeconds(60) };
            await Readiness.WaitAsync(client, cancellationToken);

            foreach (var path in new[] { InspectorPaths.Metadata, InspectorPaths.Arf, InspectorPaths.Summary })
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
                Assert.That(await response.Content.ReadAsStringAsync(cancellationToken), Is.Not.Empty, path);
            }

            await AssertSecurityContextEnforcedAsync(played, cancellationToken);
            await Podman.CheckAsync(["pod", "stop", "--time=20", played.Name], cancellationToken);
            var exit = await Podman.CheckAsync(["inspect", "--format={{.State.ExitCode}}", played.ContainerName], cancellationToken);
            Assert.That(exit.Trim(), Is.EqualTo("0"), await Podman.CheckAsync(["logs", played.ContainerName], cancellationToken));
            await Podman.CheckAsync(["kube", "down", yaml], cancellationToken);
            var left = await Podman.CheckAsync(["pod", "ps", "--filter=name=" + played.Name, "--format={{.Name}}"], cancellationToken);
            Assert.That(left.Trim(), Is.Empty, "the pod is gone after kube down");
        }
        finally
        {
            await Podman.RunAsync(["pod", "rm", "--force", played.Name], CancellationToken.None);
        }
    }

    /// <summary>What the pod's security context asks for, seen from inside the running container.</summary>
    private static async Task AssertSecurityContextEnforcedAsync(PlayedPod played, CancellationToken cancellationToken)
    {
        var context = played.Pod.Spec.Containers.Single().SecurityContext;
        var id = await Podman.CheckAsync(["exec", played.ContainerName, "id", "-u"], cancellationToken);
        Assert.That(id.Trim(), Is.EqualTo(context.RunAsUser?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var root = await Podman.RunAsync(["exec", played.ContainerName, "touch", "/probe"], cancellationToken);
        Assert.That(root.ExitCode, Is.Not.Zero, "the root file system is read-only");
        Assert.That(root.Error, Does.Contain("Read-only file system"));
        await Podman.CheckAsync(["exec", played.ContainerName, "touch", ScanPodMetadata.ScratchPath + "/probe"], cancellationToken);
        var status = await Podman.CheckAsync(["exec", played.ContainerName, "grep", "-E", "^(CapEff|NoNewPrivs):", "/proc/self/status"], cancellationToken);
        Assert.That(status, Does.Match(@"CapEff:\s+0000000000000000").And.Match(@"NoNewPrivs:\s+1"));
    }
}
