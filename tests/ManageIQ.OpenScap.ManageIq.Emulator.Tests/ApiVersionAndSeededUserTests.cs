using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>
/// What a test of the bridge's start-up probe needs from the emulator: an older API version in the entrypoint, a seeded
/// user with fewer features, and role checks with api.yml's identifiers.
/// </summary>
[CancelAfter(30_000)]
public sealed class ApiVersionAndSeededUserTests
{
    [Test]
    public async Task ApiVersion_Configured_IsWhatTheEntrypointAndItsVersionSegmentSay()
    {
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { ApiVersion = "4.1.0" });

        var (_, body) = await h.GetAsync("api");
        Assert.That(body.Value<string>("version"), Is.EqualTo("4.1.0"));
        Assert.That(body["versions"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo($$"""[{"name":"4.1.0","href":"{{h.Emulator.BaseUri}}api/v4.1.0"}]"""));
        Assert.That(body["server_info"]!.Value<string>("release"), Is.EqualTo("4.1.0"));
        Assert.That((await h.GetAsync("api/v4.1.0/container_images")).Status, Is.EqualTo(200));
        var (status, refused) = await h.GetAsync("api/v4.4.0-pre/container_images");
        Assert.That((status, refused["error"]!.Value<string>("message")), Is.EqualTo((400, "Unsupported API Version 4.4.0-pre specified")));
    }

    [Test]
    public async Task ApiVersion_Default_IsMasters()
    {
        await using var h = await EmulatorHarness.StartAsync();
        Assert.That((await h.GetAsync("api")).Body.Value<string>("version"), Is.EqualTo("4.4.0-pre"));
    }

    [Test]
    public void ApiVersion_Blank_IsRefused() =>
        Assert.That(() => ManageIqEmulator.StartAsync(new EmulatorOptions { ApiVersion = " " }), Throws.ArgumentException.With.Message.Contains("ApiVersion"));

    [Test]
    public async Task WithUser_SeedsAUserAloneInAGroupWithExactlyTheseFeatures()
    {
        var seed = EmulatorSeed.WithUser(EmulatorSeed.Default(), "bridge", "pw", "OpenSCAP bridge", ["container_image_show_list", "ems_infra_show_list"], "Bridge service");
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { Seed = seed });
        var bridge = EmulatorHarness.Basic("bridge", "pw");

        var (_, entrypoint) = await h.GetAsync("api?attributes=authorization", bridge);

        Assert.That(entrypoint["identity"]!.ToObject<JObject>()!.Properties().Where(p => p.Name is "userid" or "name" or "group" or "role").Select(p => p.Value.ToString()),
            Is.EqualTo(new[] { "bridge", "Bridge service", "OpenSCAP bridge", "OpenSCAP bridge role" }));
        Assert.That(((JObject)entrypoint["authorization"]!["product_features"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "container_image_show_list", "ems_infra_show_list" }));
        Assert.That((await h.GetAsync("api/container_images", bridge)).Status, Is.EqualTo(200));
        Assert.That((await h.GetAsync("api/container_images/1", bridge)).Status, Is.EqualTo(403), "container_image_show was not granted");
        Assert.That((await h.GetAsync("api?attributes=authorization")).Body["identity"]!.Value<string>("userid"), Is.EqualTo("admin"), "the seed's own users stay");
    }

    [Test]
    public void WithUser_NameTaken_IsRefused()
    {
        Assert.That(() => EmulatorSeed.WithUser(EmulatorSeed.Default(), "admin", "pw", "another group", []), Throws.ArgumentException.With.Message.Contains("'admin'"));
        Assert.That(() => EmulatorSeed.WithUser(EmulatorSeed.Default(), "new", "pw", "EvmGroup-auditor", []), Throws.ArgumentException.With.Message.Contains("'EvmGroup-auditor'"));
    }

    [Test]
    public void WithUser_LeavesTheGivenSeedAsItWas()
    {
        var seed = EmulatorSeed.Default();
        var before = seed.ToString();
        _ = EmulatorSeed.WithUser(seed, "bridge", "pw", "g", ["everything"]);
        Assert.That(seed.ToString(), Is.EqualTo(before));
    }

    /// <summary>api.yml reads conditions under the node <c>condition</c> and policies under <c>miq_policy_view</c>: their list leaves are not enough.</summary>
    [TestCase("api/conditions", "condition_show_list", "condition")]
    [TestCase("api/conditions/1", "condition_show", "condition")]
    [TestCase("api/policies", "miq_policy_show_list", "miq_policy_view")]
    [TestCase("api/policies/1", "miq_policy_show", "miq_policy_view")]
    [TestCase("api/policy_profiles", "miq_policy_set_show_list", "miq_policy_set_view")]
    [TestCase("api/events", "miq_event_definition_show", "miq_event_definition_show_list")]
    public async Task Read_NeedsApiYmlsIdentifier(string path, string leaf, string identifier)
    {
        var seed = EmulatorSeed.WithUser(EmulatorSeed.WithUser(EmulatorSeed.Default(), "leaf", "pw", "leaf group", [leaf]), "node", "pw", "node group", [identifier]);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { Seed = seed });

        var (refused, body) = await h.GetAsync(path, EmulatorHarness.Basic("leaf", "pw"));
        Assert.That((refused, body["error"]?.Value<string>("message")), Is.EqualTo((403, "Use of the read action is forbidden")));
        Assert.That((await h.GetAsync(path, EmulatorHarness.Basic("node", "pw"))).Status, Is.EqualTo(200));
    }
}
