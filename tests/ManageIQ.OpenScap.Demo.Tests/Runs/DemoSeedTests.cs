using ManageIQ.OpenScap.Demo.Emulation;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.ManageIq.Probing;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Demo.Tests.Runs;

/// <summary>The demo's ManageIQ: one OpenShift provider listing the images, a least-privilege bridge user, the kept attributes.</summary>
public sealed class DemoSeedTests
{
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    [Test]
    public void BridgeFeatures_AreExactlyWhatTheProbeChecksForScanningAssignedProvidersAndComplianceChecks()
    {
        var granted = DemoSeed.BridgeFeatures.ToHashSet(StringComparer.Ordinal);

        Assert.That(ManageIqFeatures.Missing(ManageIqCapabilities.Scanning | ManageIqCapabilities.AssignedProviders | ManageIqCapabilities.ComplianceCheck, granted), Is.Empty);
        Assert.That(ManageIqFeatures.Missing(ManageIqCapabilities.PolicyRegistration, granted), Is.Not.Empty, "registering is the operator's gesture, as admin");
        Assert.That(DemoSeed.BridgeFeatures, Is.EqualTo(new[] { "ems_infra_show_list", "container_image_show_list", "container_image_show", "container_image_check_compliance" }));
    }

    [Test]
    public void Build_OneProviderListingTheImages_WithTheKeptAttributes()
    {
        var attributes = new Dictionary<long, IReadOnlyList<CustomAttributeInput>>
        {
            [1] = [new CustomAttributeInput("openscap_status", "non_compliant"), CustomAttributeInput.Timestamp("openscap_scanned_on", new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.Zero))],
        };

        var seed = DemoSeed.Build("127.0.0.1:5123", [new PublishedImage(1, "demo/debian", "12", Digest), new PublishedImage(2, "demo/debian-updated", "12", Digest)], attributes, "pw");

        var provider = ((JArray)seed["providers"]!).Cast<JObject>().Single();
        Assert.That((provider.Value<long>("id"), provider.Value<string>("type")), Is.EqualTo((1L, "ManageIQ::Providers::Openshift::ContainerManager")));
        var images = ((JArray)seed["container_images"]!).Cast<JObject>().ToList();
        Assert.That(images.Select(i => i.Value<string>("image_ref")), Is.EqualTo(new[] { "docker-pullable://127.0.0.1:5123/demo/debian@" + Digest, "docker-pullable://127.0.0.1:5123/demo/debian-updated@" + Digest }));
        var kept = ((JArray)seed["custom_attributes"]!).Cast<JObject>().ToList();
        Assert.That(kept.Select(a => (a.Value<long>("resource_id"), a.Value<string>("section"), a.Value<string>("name"), a.Value<string>("value"))), Is.EqualTo(new[]
        {
            (1L, "metadata", "openscap_status", "non_compliant"),
            (1L, "metadata", "openscap_scanned_on", "2026-12-03T06:00:00Z"),
        }));
        Assert.That(kept[1].Value<string>("serialized_value"), Is.EqualTo("2026-12-03T06:00:00Z"), "a DateTime attribute, as ManageIQ keeps it");
        Assert.That(((JArray)seed["users"]!).Cast<JObject>().Select(u => u.Value<string>("userid")), Does.Contain(DemoSeed.BridgeUser));
    }

    [Test]
    public void Prerequisites_NotRoot_SaysSo() =>
        Assert.That(DemoPrerequisites.Missing(root: false)[0], Does.Contain("run it as root"));
}
