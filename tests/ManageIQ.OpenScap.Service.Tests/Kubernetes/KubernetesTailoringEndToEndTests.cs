using System.Security.Cryptography;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Kubernetes.Pods;
using ManageIQ.OpenScap.Service.Discovery;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Service.Tests.Kubernetes;

/// <summary>
/// A provider's tailoring file on the <c>kubernetes</c> backend: it travels in the scanning pod's own secret, mounted
/// as a file the inspector gives oscap; its content is in the fingerprint, so adding it rescans the provider's images
/// once and no more (fake Kubernetes API, real inspector pods, real oscap).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class KubernetesTailoringEndToEndTests
{
    private const string Profile = ContainerTailoring.Profile;

    [Test]
    [CancelAfter(600_000)]
    public async Task AProvidersTailoringFile_ReachesThePodThroughItsSecret_AndRescansOnce(CancellationToken cancellationToken)
    {
        await using var rig = await KubernetesServiceRig.StartAsync(cancellationToken);
        var built = await rig.Service.PushDebianAsync("apps/tailored", "1.0", cancellationToken);
        var id = await rig.Service.AddImageAsync("apps/tailored", "1.0", built.ManifestDigest, cancellationToken);

        var bridge = rig.NewBridge("bridge-a");
        string deselected;
        var app = await rig.StartAsync(bridge, waitForWork: true, cancellationToken);
        await using (app)
        {
            await KubernetesServiceRig.WaitUntilAsync(async () => (await rig.Service.OpenScapAttributesAsync(id, cancellationToken)).ContainsKey("openscap_status"), "the first scan posted", cancellationToken);
            deselected = (await rig.Service.OpenScapAttributesAsync(id, cancellationToken))["openscap_failed_rules"].Split(", ").First(r => !r.EndsWith("security_patches_up_to_date", StringComparison.Ordinal));
            await app.StopAsync(cancellationToken);
        }

        var tailoring = rig.Service.Directory.Combine("container-tailoring.xml");
        await File.WriteAllTextAsync(tailoring, ContainerTailoring.Xml(deselected, "ssg-debian12-ds.xml"), cancellationToken);
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(tailoring, cancellationToken)));
        rig.NewBridge("bridge-a", new JObject
        {
            ["Bridge"] = new JObject { ["ProviderOverrides"] = new JObject { [ServiceRig.Provider.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JObject { ["Profile"] = Profile, ["TailoringFile"] = tailoring } } },
        });
        var again = await rig.StartAsync(bridge, waitForWork: true, cancellationToken);
        await using (again)
        {
            await KubernetesServiceRig.WaitUntilAsync(
                async () => (await rig.Service.OpenScapAttributesAsync(id, cancellationToken)).GetValueOrDefault("openscap_content")?.Contains(digest, StringComparison.Ordinal) == true,
                "the tailored scan posted",
                cancellationToken);
            await KubernetesServiceRig.WaitIdleAsync(again, cancellationToken);
            var attributes = await rig.Service.OpenScapAttributesAsync(id, cancellationToken);
            var report = await again.Services.GetRequiredService<ImageDiscovery>().FullScanAsync(ServiceRig.Provider, cancellationToken);
            Assert.Multiple(() =>
            {
                Assert.That(attributes["openscap_status"], Is.AnyOf("compliant", "non_compliant"), string.Join(", ", attributes));
                Assert.That(attributes.GetValueOrDefault("openscap_failed_rules") ?? string.Empty, Does.Not.Contain(deselected), "deselected by the provider's tailoring");
                Assert.That(attributes["openscap_content"], Does.Contain("tailoring=" + Profile + ";"));
                Assert.That(rig.Inspectors.StartedWith.Last(), Does.Contain(InspectorFlagNames.TailoringFile + "=" + ScanPodSecret.TailoringFilePath));
                Assert.That(bridge.Counter.Jobs, Has.Count.EqualTo(2), "one scan, then one with the tailoring");
                Assert.That((report.Queued, report.Skipped), Is.EqualTo((0, 1)), "the pod's fingerprint is the one the bridge predicts: no third scan");
                Assert.That(rig.ScanSecrets, Is.Empty, "the per-scan secret, tailoring and all, is gone with its pod");
            });
            await again.StopAsync(cancellationToken);
        }
    }
}
