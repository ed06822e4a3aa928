using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>Contract facts 37-47: single resources, deletes, unknown actions, create guards, container image actions.</summary>
[CancelAfter(30_000)]
public sealed class ResourceAndImageTests
{
    [Test]
    public async Task Fact37_Resource_HrefFirstColumnsThenActions()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, image) = await h.GetAsync("api/container_images/2");
        Assert.That(image.Properties().First().Name, Is.EqualTo("href"));
        Assert.That(image.Properties().Last().Name, Is.EqualTo("actions"));
        Assert.That(image["actions"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
            $$"""[{"name":"check_compliance","method":"post","href":"{{h.Api}}/container_images/2"},{"name":"scan","method":"post","href":"{{h.Api}}/container_images/2"}]"""));
        var (_, asAuditor) = await h.GetAsync("api/container_images/2", ConventionsTests.Auditor);
        Assert.That(asAuditor.ContainsKey("actions"), Is.False, "no allowed action, no actions key");
    }

    [TestCase("policies", "MiqPolicy")]
    [TestCase("policy_profiles", "MiqPolicySet")]
    [TestCase("conditions", "Condition")]
    [TestCase("actions", "MiqAction")]
    [TestCase("events", "MiqEventDefinition")]
    [TestCase("providers", "ExtManagementSystem")]
    public async Task Fact38_MissingId_IsRecordNotFound(string collection, string klass)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.GetAsync($"api/{collection}/999999");
        Assert.That((status, body["error"]!.Value<string>("message")), Is.EqualTo((404, $"Couldn't find {klass} with 'id'=999999")));
    }

    [Test]
    public async Task Fact38_BulkWithMissingImage_IsAFailedResult()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.PostAsync("api/container_images", new { action = "check_compliance", resources = new[] { new { href = $"{h.Api}/container_images/999999" } } });
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body["results"]![0]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
            $$"""{"success":false,"message":"Couldn't find ContainerImage with 'id'=999999","href":"{{h.Api}}/container_images/999999"}"""));
    }

    [Test]
    public async Task Fact39_Delete_204ViaDeleteAndResultViaPost()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id1 = await NewConditionAsync(h, "del1");
        var id2 = await NewConditionAsync(h, "del2");
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"api/conditions/{id1}");
        Assert.That((await h.SendAsync(delete)).Status, Is.EqualTo(204));
        var (status, body) = await h.PostAsync($"api/conditions/{id2}", new { action = "delete" });
        Assert.That((status, body.Value<string>("message")), Is.EqualTo((200, $"Deleting Condition id: {id2} name: 'del2'")));
        Assert.That((await h.GetAsync($"api/conditions/{id1}")).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Fact40_UnknownActions_Are400WithManageIqWording()
    {
        await using var h = await EmulatorHarness.StartAsync();
        Assert.That((await h.PostAsync("api/conditions", new { action = "frobnicate" })).Body["error"]!.Value<string>("message"),
            Is.EqualTo("Unsupported Action frobnicate for the conditions collection specified"));
        Assert.That((await h.PostAsync("api/conditions/1", new { action = "frobnicate" })).Body["error"]!.Value<string>("message"),
            Is.EqualTo("Unsupported Action frobnicate for the conditions resource specified"));
        Assert.That((await h.PostAsync("api/container_images/1", new { action = "frobnicate" })).Body["error"]!.Value<string>("message"),
            Is.EqualTo("Unsupported Custom Action frobnicate for the container_images resource specified"));
    }

    [Test]
    public async Task Fact41_CreateWithId_Is400()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.PostAsync("api/conditions", new { action = "create", resource = new { id = 5, name = "x", description = "x", towhat = "Vm", expression = new JObject() } });
        Assert.That((status, body["error"]!.Value<string>("message")), Is.EqualTo((400, "Resource id or href should not be specified for creating a new conditions")));
    }

    [Test]
    public async Task Fact42_Images_ListingNeedsRoleAndIncludesArchived()
    {
        await using var h = await EmulatorHarness.StartAsync();
        Assert.That((await h.GetAsync("api/container_images")).Body.Value<int>("count"), Is.EqualTo(6));
        var seed = Seeding.EmulatorSeed.Default();
        seed["groups"]![1]!["features"] = new JArray();
        await using var locked = await EmulatorHarness.StartAsync(new EmulatorOptions { Seed = seed });
        Assert.That((await locked.GetAsync("api/container_images", ConventionsTests.Auditor)).Status, Is.EqualTo(403));
    }

    [Test]
    public async Task Fact43_ScanOnCollection_IsUnsupported()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.PostAsync("api/container_images", new { action = "scan", resources = new[] { new { id = 1 } } });
        Assert.That((status, body["error"]!.Value<string>("message")), Is.EqualTo((400, "Unsupported Action scan for the container_images collection specified")));
    }

    [Test]
    public async Task Fact44_Scan_SucceedsRecordsAndMissingImageIs404()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.PostAsync("api/container_images/1", new { action = "scan" });
        Assert.That((status, body.Value<string>("message")), Is.EqualTo((200, "Scanning Container Image id: 1 name: 'openshift/nginx'")));
        Assert.That(h.Emulator.Store.ImageActions().Single().TaskId.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(body.Value<string>("task_id")));
        Assert.That((await h.PostAsync("api/container_images/999", new { action = "scan" })).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Fact45_ScanWithoutEventDefinition_Is400FailedResult()
    {
        var seed = Seeding.EmulatorSeed.Default();
        seed["events"] = new JArray(((JArray)seed["events"]!).Where(e => e.Value<string>("name") != "request_containerimage_scan"));
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { Seed = seed });
        var (status, body) = await h.PostAsync("api/container_images/1", new { action = "scan" });
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
            $$"""{"success":false,"message":"Failed Scanning Container Image id: 1 name: 'openshift/nginx'","href":"{{h.Api}}/container_images/1"}"""));
        Assert.That(h.Emulator.Store.ImageActions(), Is.Empty);
    }

    [Test]
    public async Task Fact46_CheckCompliance_WithoutPolicyIs400WithPolicyQueuesTask()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.PostAsync("api/container_images/1", new { action = "check_compliance" });
        Assert.That((status, body["error"]!.Value<string>("message")), Is.EqualTo((400, "Check Compliance for Container Image id: 1 name: 'openshift/nginx': No compliance policies assigned")));
        await h.PostAsync("api/providers/1/policy_profiles", new { action = "assign", resources = new[] { new { guid = "0bf2e43a-1211-11e6-aa9c-02424d459b45" } } });
        var (ok, result) = await h.PostAsync("api/container_images/1", new { action = "check_compliance" });
        Assert.That((ok, result.Value<bool>("success"), result.Value<string>("message")), Is.EqualTo((200, true, "Check Compliance for Container Image id: 1 name: 'openshift/nginx'")));
    }

    [Test]
    public async Task Fact47_BulkCheckCompliance_MixedResultsAre200()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.PostAsync("api/providers/1/policy_profiles", new { action = "assign", resources = new[] { new { href = $"{h.Api}/policy_profiles/1" } } });
        var (status, body) = await h.PostAsync("api/container_images", new { action = "check_compliance", resources = new[] { new { href = $"{h.Api}/container_images/1" }, new { href = $"{h.Api}/container_images/4" } } });
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body["results"]!.Select(r => r.Value<bool>("success")), Is.EqualTo(new[] { true, false }));
        Assert.That(body["results"]![1]!.Value<string>("message"), Does.EndWith(": No compliance policies assigned"));
    }

    internal static async Task<string> NewConditionAsync(EmulatorHarness h, string name)
    {
        var (_, body) = await h.PostAsync("api/conditions", new { name, description = name + " description", towhat = "ContainerImage", expression = new JObject { ["="] = new JObject { ["field"] = "ContainerImage-name", ["value"] = "x" } } });
        return body["results"]![0]!.Value<string>("id")!;
    }
}
