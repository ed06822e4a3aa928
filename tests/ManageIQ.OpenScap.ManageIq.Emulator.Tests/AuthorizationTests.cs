using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>
/// <c>GET /api?attributes=authorization</c> (fact 10, <c>ApiController#auth_authorization</c>) and the product
/// feature tree behind every role check: a feature grants all below it.
/// </summary>
[CancelAfter(30_000)]
public sealed class AuthorizationTests
{
    [Test]
    public async Task Entrypoint_WithAuthorization_PutsItBetweenProductInfoAndCollections()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.GetAsync("api?attributes=authorization");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body.Properties().Select(p => p.Name), Is.EqualTo(new[] { "name", "description", "version", "versions", "settings", "identity", "server_info", "product_info", "authorization", "collections" }));
        Assert.That(body.Value<string>("version"), Is.EqualTo("4.4.0-pre"));
        Assert.That(((JObject)body["authorization"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "product_features" }));
    }

    [Test]
    public async Task Entrypoint_WithoutAuthorization_HasNone()
    {
        await using var h = await EmulatorHarness.StartAsync();
        Assert.That((await h.GetAsync("api")).Body["authorization"], Is.Null);
        Assert.That((await h.GetAsync("api?attributes=name")).Body["authorization"], Is.Null);
    }

    [Test]
    public async Task SuperAdministrator_GetsEveryFeatureWithHrefsActionsAndChildren()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var features = (JObject)(await h.GetAsync("api?attributes=authorization")).Body["authorization"]!["product_features"]!;
        Assert.That(features.Properties().First().Name, Is.EqualTo("everything"));
        Assert.That(features.Properties().Select(p => p.Name), Is.SupersetOf(new[]
        {
            "container_image", "container_image_show_list", "container_image_show", "container_image_scan", "container_image_check_compliance",
            "ems_infra_show_list", "ems_infra_edit", "miq_policy_set_view", "condition_new",
        }));
        Assert.That(features["container_image_show_list"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
            $$$"""{"name":"List","description":"Display Lists of Container Images","action":{"name":"read","method":"get","href":"{{{h.Api}}}/container_images"}}"""));
        Assert.That(features["container_image"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
            $$"""{"name":"Images","description":"Everything under Container Images","href":"{{h.Api}}/container_images","children":["container_image_view","container_image_control"]}"""));
        Assert.That(features["container_image_control"]!["children"]!.Values<string>(), Is.EqualTo(new[] { "container_image_scan", "container_image_check_compliance" }), "children sorted by feature type, then name (Analysis, Check Compliance)");
        Assert.That(features["miq_task_delete"], Is.Null, "hidden features are not listed under everything");
    }

    [Test]
    public async Task Auditor_GetsExactlyItsRolesFeatures()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var features = (JObject)(await h.GetAsync("api?attributes=authorization", ConventionsTests.Auditor)).Body["authorization"]!["product_features"]!;
        Assert.That(features.Properties().Select(p => p.Name), Is.EqualTo(new[] { "container_image_show_list", "container_image_show", "ems_infra_show_list", "ems_infra_show" }));
        Assert.That(features["container_image_show"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"name":"Show","description":"Display Individual Container images"}"""));
    }

    [Test]
    public async Task SeededParentFeature_GrantsAndListsItsDescendants()
    {
        var seed = EmulatorHarness.Parse("""
            {"users":[{"id":1,"userid":"viewer","password":"pw","groups":["viewers"]}],
             "groups":[{"id":1,"description":"viewers","role":"viewer-role","features":["container_image_view","made_up_feature"]}],
             "providers":[{"id":1,"name":"p","type":"ManageIQ::Providers::Kubernetes::ContainerManager"}],
             "container_images":[{"id":1,"name":"i","ems_id":1}]}
            """);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { Seed = seed });
        var viewer = EmulatorHarness.Basic("viewer", "pw");
        var (_, entrypoint) = await h.GetAsync("api?attributes=authorization", viewer);
        var features = (JObject)entrypoint["authorization"]!["product_features"]!;
        Assert.That(features.Properties().Select(p => p.Name), Is.EqualTo(new[] { "container_image_view", "container_image_show_list", "container_image_show", "made_up_feature" }));
        Assert.That(features["made_up_feature"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"name":"made_up_feature","description":null}"""));
        Assert.That(entrypoint["identity"]!["miq_groups"]![0]!["product_features"]!.Values<string>(), Is.EqualTo(new[] { "container_image_view", "made_up_feature" }));

        Assert.That((await h.GetAsync("api/container_images", viewer)).Status, Is.EqualTo(200), "the parent grants container_image_show_list");
        Assert.That((await h.GetAsync("api/container_images/1", viewer)).Status, Is.EqualTo(200));
        var (scan, refused) = await h.PostAsync("api/container_images/1", new { action = "scan" }, viewer);
        Assert.That((scan, refused["error"]!.Value<string>("message")), Is.EqualTo((403, "Use of Action scan is forbidden")));
        Assert.That((await h.GetAsync("api/providers", viewer)).Status, Is.EqualTo(403));
    }

    [Test]
    public async Task Everything_AllowsAHiddenFeatureItDoesNotList()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var task = (await h.PostAsync("api/container_images/1", new { action = "scan" })).Body.Value<string>("task_id");
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"api/tasks/{task}");
        Assert.That((await h.SendAsync(delete)).Status, Is.EqualTo(204), "miq_task_delete is hidden, yet granted by everything");
    }
}
