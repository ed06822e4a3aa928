using System.Text.Json.Nodes;
using ManageIQ.OpenScap.Control.Registration;
using ManageIQ.OpenScap.Service.Discovery;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Service.Tests.Kubernetes;

/// <summary>
/// The verdict acting end to end on an OpenShift provider: the ManageIQ emulator (with its MiqExpression evaluation),
/// the fake Kubernetes API as an OpenShift cluster, a real inspector process per scanning pod and the real oscap.
/// For every image, ManageIQ's <c>last_compliance_status</c> and the Image's deny-execution annotation agree with the
/// bridge's <c>openscap_status</c>: after the scans, and again after a waiver turns one verdict while the bridge runs.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class KubernetesComplianceEndToEndTests
{
    private const string DenyExecution = "images.openshift.io/deny-execution";

    [Test]
    [CancelAfter(600_000)]
    public async Task ManageIqsComplianceAndTheAnnotation_AgreeWithOpenScapStatus_ForEveryImage_BeforeAndAfterAWaiver(CancellationToken cancellationToken)
    {
        await using var rig = await KubernetesServiceRig.StartAsync(cancellationToken);
        rig.Api.IsOpenShift = true;
        var waivers = rig.Service.Directory.Combine("waivers.yaml");
        await File.WriteAllTextAsync(waivers, "waivers: []\n", cancellationToken);
        var bridge = rig.NewBridge("bridge-a", new JObject
        {
            ["Bridge"] = new JObject
            {
                ["Providers"] = new JObject { ["Mode"] = "assigned", ["Ids"] = new JArray() },
                ["Compliance"] = new JObject { ["MinRuleSeverity"] = "any" },
                ["Waivers"] = new JObject { ["File"] = waivers, ["CheckInterval"] = "00:00:01" },
            },
        });

        // Two images that fail rules (one of them to be waived) and one without its package database (an error).
        var images = new Dictionary<long, string>();
        foreach (var (repository, layout) in new[] { ("apps/kept", DpkgLayout.StatusFile), ("apps/waived", DpkgLayout.StatusFile), ("apps/broken", DpkgLayout.None) })
        {
            var built = await rig.Service.PushDebianAsync(repository, "1.0", cancellationToken, layout);
            images[await rig.Service.AddImageAsync(repository, "1.0", built.ManifestDigest, cancellationToken)] = built.ManifestDigest;
            rig.Api.Images[built.ManifestDigest] = new JsonObject
            {
                ["kind"] = "Image",
                ["apiVersion"] = "image.openshift.io/v1",
                ["metadata"] = new JsonObject { ["name"] = built.ManifestDigest, ["annotations"] = new JsonObject() },
            };
        }

        await using var app = await rig.StartAsync(bridge, waitForWork: true, cancellationToken);
        var gesture = await app.Services.GetRequiredService<IPolicyRegistrar>().AssignAsync([ServiceRig.Provider], null, cancellationToken);
        Assert.That(gesture.Outcomes.Single().Kind, Is.EqualTo(OutcomeKind.Assigned), "the UI's Manage Policies gesture");
        await app.Services.GetRequiredService<ImageDiscovery>().DiscoverAsync(cancellationToken);

        var first = await WaitAgreedAsync(rig, images, cancellationToken);
        var (kept, waived, broken) = (images.Keys.ElementAt(0), images.Keys.ElementAt(1), images.Keys.ElementAt(2));
        Assert.Multiple(() =>
        {
            Assert.That(first[kept], Is.EqualTo("non_compliant"), "a failed rule of any severity counts");
            Assert.That(first[waived], Is.EqualTo("non_compliant"));
            Assert.That(first[broken], Is.EqualTo("error"), "no package database: no verdict");
        });

        // Waive every rule the one image fails, scoped to it: judged again from its stored result, it passes.
        var failed = (await rig.Service.OpenScapAttributesAsync(waived, cancellationToken))["openscap_failed_rules"].Split(", ");
        await File.WriteAllTextAsync(
            waivers,
            "waivers:\n" + string.Concat(failed.Select(rule => $"  - id: {rule}\n    reason: Not in containers.\n    owner: ops\n    expires: 2999-01-01\n    image: \"*apps/waived*\"\n")),
            cancellationToken);
        await KubernetesServiceRig.WaitUntilAsync(
            async () => (await rig.Service.OpenScapAttributesAsync(waived, cancellationToken))["openscap_status"] == "compliant",
            "the waived image judged compliant again",
            cancellationToken);

        var second = await WaitAgreedAsync(rig, images, cancellationToken);
        Assert.That(second, Is.EqualTo(new Dictionary<long, string> { [kept] = "non_compliant", [waived] = "compliant", [broken] = "error" }));
        Assert.Multiple(() =>
        {
            var lifted = Annotations(rig, images[waived]);
            Assert.That(lifted[DenyExecution], Is.EqualTo("false"), "deny-execution lifted");
            Assert.That(lifted, Does.ContainKey("security.manageiq.org/successful-policy"));
            Assert.That(lifted, Does.Not.ContainKey("security.manageiq.org/failed-policy"));
            Assert.That(bridge.Counter.Jobs, Has.Count.EqualTo(3), "the waiver changed the verdict without a rescan");
        });
        await app.StopAsync(cancellationToken);
    }

    /// <summary>
    /// Waits until every image has a status and ManageIQ and the cluster agree with it, then returns the statuses:
    /// <c>compliant</c> is a passed ManageIQ check and deny-execution false, <c>non_compliant</c> a failed check and
    /// deny-execution true, <c>error</c> a failed check (ManageIQ's condition wants <c>compliant</c>) and no deny.
    /// </summary>
    private static async Task<Dictionary<long, string>> WaitAgreedAsync(KubernetesServiceRig rig, Dictionary<long, string> images, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<long, string>();
        await KubernetesServiceRig.WaitUntilAsync(
            async () =>
            {
                seen.Clear();
                foreach (var (id, digest) in images)
                {
                    var status = (await rig.Service.OpenScapAttributesAsync(id, cancellationToken)).GetValueOrDefault("openscap_status");
                    var last = await rig.Service.LastComplianceStatusAsync(id, cancellationToken);
                    var deny = Annotations(rig, digest).GetValueOrDefault(DenyExecution);
                    seen[id] = $"{status} | last_compliance_status {last?.ToString() ?? "none"} | deny-execution {deny ?? "none"}";
                    var agreed = status switch
                    {
                        "compliant" => last == true && deny == "false",
                        "non_compliant" => last == false && deny == "true",
                        "error" => last == false && deny is null,
                        _ => false,
                    };
                    if (!agreed)
                    {
                        return false;
                    }
                }

                return true;
            },
            () => "ManageIQ and the cluster agree with openscap_status for every image: " + string.Join("; ", seen.Select(s => $"{s.Key}: {s.Value}")),
            cancellationToken);
        return seen.ToDictionary(s => s.Key, s => s.Value.Split(" | ")[0]);
    }

    private static Dictionary<string, string> Annotations(KubernetesServiceRig rig, string digest) =>
        rig.Api.Images[digest]["metadata"]!["annotations"] is JsonObject annotations
            ? annotations.ToDictionary(a => a.Key, a => a.Value!.GetValue<string>())
            : [];
}
