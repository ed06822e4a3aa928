using ManageIQ.OpenScap.Control.Registration;
using ManageIQ.OpenScap.Service.Discovery;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Service.Tests;

/// <summary>
/// <c>bridge serve</c> with <c>Bridge:Providers:Mode=assigned</c>: it registers the profiles at start, scans only a
/// provider the bridge's profile is assigned to, and closes ManageIQ's compliance loop after each post.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ServeAssignedProvidersTests
{
    [Test]
    [CancelAfter(600_000)]
    public async Task AssignedMode_ScansAfterTheGesture_ThenChecksComplianceInFourRequestsPerImage(CancellationToken cancellationToken)
    {
        await using var rig = await ServiceRig.StartAsync(cancellationToken, new JObject { ["Bridge"] = new JObject { ["Providers"] = new JObject { ["Mode"] = "assigned", ["Ids"] = new JArray() } } });
        var built = await rig.PushDebianAsync("apps/assigned", "1.0", cancellationToken);
        var id = await rig.AddImageAsync("apps/assigned", "1.0", built.ManifestDigest, cancellationToken);

        await using var app = await rig.StartServiceAsync(cancellationToken);
        var discovery = app.Services.GetRequiredService<ImageDiscovery>();
        var before = await discovery.DiscoverAsync(cancellationToken);
        Assert.That((before.Providers, before.Queued), Is.EqualTo((0, 0)), "nothing assigned: nothing scanned");
        Assert.That(rig.Emulator.Store.Read(s => s.PolicyProfiles.Rows.Count(p => p.Value<string>("name") == "openscap profile (bridge)")), Is.EqualTo(1), "serve registered the profiles at start");

        // The UI's "Manage Policies" gesture, as bridge policies assign does it.
        var gesture = await app.Services.GetRequiredService<IPolicyRegistrar>().AssignAsync([ServiceRig.Provider], null, cancellationToken);
        Assert.That(gesture.Outcomes.Single().Kind, Is.EqualTo(OutcomeKind.Assigned));
        await rig.ClearRequestsAsync(cancellationToken);
        var after = await discovery.DiscoverAsync(cancellationToken);
        Assert.That((after.Providers, after.Queued), Is.EqualTo((1, 1)));

        await ServiceRig.WaitUntilAsync(() => Task.FromResult(rig.Emulator.Store.Compliances().Any(c => c.ImageId == id)), cancellationToken);
        var attributes = await rig.OpenScapAttributesAsync(id, cancellationToken);
        var compliance = rig.Emulator.Store.Compliances().Single(c => c.ImageId == id);
        Assert.That(compliance.Compliant, Is.EqualTo(attributes["openscap_status"] == "compliant"), "ManageIQ's record follows openscap_status");
        Assert.That(rig.Emulator.Store.RaisedEvents().Single(e => e.TargetId == id).EventName, Is.EqualTo(compliance.Compliant ? "containerimage_compliance_passed" : "containerimage_compliance_failed"));

        var requests = await rig.RequestsAsync(cancellationToken);
        var aboutImage = requests.Where(r => r.Value<string>("path")!.StartsWith($"/api/container_images/{id}", StringComparison.Ordinal)).ToList();
        Assert.That(aboutImage, Has.Count.LessThanOrEqualTo(4), "the read, the upsert, a delete at most, and the compliance check");
        Assert.That(aboutImage.Select(r => r.Value<string>("method") + " " + r.Value<string>("path") + " " + r.Value<string>("action")), Does.Contain($"POST /api/container_images/{id} check_compliance"));
        Assert.That(requests.Count(r => r.Value<string>("path") == $"/api/providers/{ServiceRig.Provider}/policy_profiles"), Is.EqualTo(1), "the discovery's read of the assignments serves the compliance check too");
        await app.StopAsync(cancellationToken);
    }
}
