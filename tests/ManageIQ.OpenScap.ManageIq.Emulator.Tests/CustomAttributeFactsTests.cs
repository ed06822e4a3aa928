using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>Contract facts 48-54: custom attributes of container images and providers.</summary>
[CancelAfter(30_000)]
public sealed class CustomAttributeFactsTests
{
    [Test]
    public async Task Fact48_List_EmptyAndExpandedWithSubcollectionActions()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, empty) = await h.GetAsync("api/container_images/2/custom_attributes");
        Assert.That((empty.Value<int>("subcount"), ((JArray)empty["resources"]!).Count), Is.EqualTo((0, 0)));
        Assert.That(empty["actions"]!.Select(a => a.Value<string>("name")), Is.EqualTo(new[] { "add", "edit", "delete" }));
        var (_, full) = await h.GetAsync("api/container_images/1/custom_attributes?expand=resources");
        var attribute = full["resources"]![0]!;
        Assert.That((attribute.Value<string>("id"), attribute.Value<string>("resource_id"), attribute.Value<string>("section")), Is.EqualTo(("1", "1", "labels")));
    }

    [Test]
    public async Task Fact49_Add_UpsertsCaseInsensitivelyWithDefaults()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.PostAsync("api/container_images/2/custom_attributes", new { action = "add", resources = new object[] { new { name = "name1", value = "value1" }, new { name = "name2", value = "value2", section = "metadata" } } });
        Assert.That(status, Is.EqualTo(200));
        var first = body["results"]![0]!;
        Assert.That((first.Value<string>("section"), first.Value<string>("source"), first.Value<string>("href")), Is.EqualTo(("metadata", "EVM", $"{h.Api}/container_images/2/custom_attributes/{first.Value<string>("id")}")));
        var (_, again) = await h.PostAsync("api/container_images/2/custom_attributes", new { action = "add", resources = new[] { new { name = "NAME1", value = "v" } } });
        Assert.That(again["results"]![0]!.Value<string>("id"), Is.EqualTo(first.Value<string>("id")));
        Assert.That(h.Emulator.Store.CustomAttributesOf(2), Has.Count.EqualTo(2));
    }

    [TestCase("{\"action\":\"add\",\"resources\":[{\"value\":\"v\"}]}", "Could not add custom attributes - Must specify a name for a custom attribute to be added")]
    [TestCase("{\"action\":\"add\",\"resources\":[{\"name\":\"n\",\"value\":\"v\",\"section\":\"bad_section\"}]}", "Could not add custom attributes - Invalid attribute section specified: bad_section")]
    public async Task Fact50_AddValidation_Is400(string body, string message)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, answer) = await h.PostAsync("api/container_images/2/custom_attributes", body);
        Assert.That((status, answer["error"]!.Value<string>("message")), Is.EqualTo((400, message)));
        Assert.That(h.Emulator.Store.CustomAttributesOf(2), Is.Empty);
    }

    [Test]
    public async Task Fact50_DateTimeFieldType_FillsSerializedValue()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, body) = await h.PostAsync("api/container_images/2/custom_attributes", new { action = "add", resources = new[] { new { name = "scanned_on", value = "2026-02-03T04:05:06Z", field_type = "DateTime" } } });
        Assert.That(body["results"]![0]!.Value<string>("serialized_value"), Is.EqualTo("2026-02-03T04:05:06Z"));
    }

    [Test]
    public async Task Fact51_Edit_ByNameByUrlAndBadSection()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = (await h.PostAsync("api/container_images/2/custom_attributes", new { action = "add", resources = new[] { new { name = "name1", value = "value1" } } })).Body["results"]![0]!.Value<string>("id");
        var (_, byName) = await h.PostAsync("api/container_images/2/custom_attributes", new { action = "edit", resource = new { name = "name1", value = "value one" } });
        Assert.That(byName["results"]![0]!.Value<string>("value"), Is.EqualTo("value one"));
        var (_, byUrl) = await h.PostAsync($"api/container_images/2/custom_attributes/{id}", new { action = "edit", name = "name1", value = "v3" });
        Assert.That((byUrl.Value<string>("value"), byUrl.Value<string>("href")), Is.EqualTo(("v3", $"{h.Api}/container_images/2/custom_attributes/{id}")));
        var (status, bad) = await h.PostAsync("api/container_images/2/custom_attributes", new { action = "edit", resource = new { name = "name1", section = "bad_section" } });
        Assert.That((status, bad["error"]!.Value<string>("message")), Is.EqualTo((400, "Could not edit custom attributes - Invalid attribute section specified: bad_section")));
        var (_, unknown) = await h.PostAsync("api/container_images/2/custom_attributes", new { action = "edit", resource = new { name = "nope", value = "x" } });
        Assert.That(unknown["results"]![0]!.Type, Is.EqualTo(JTokenType.Null));
    }

    [Test]
    public async Task Fact52_Delete_ByActionAndByDeleteVerb()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var results = (await h.PostAsync("api/container_images/2/custom_attributes", new { action = "add", resources = new[] { new { name = "a", value = "1" }, new { name = "b", value = "2" } } })).Body["results"]!;
        var (status, body) = await h.PostAsync("api/container_images/2/custom_attributes", new { action = "delete", resources = new[] { new { href = results[0]!.Value<string>("href") } } });
        Assert.That((status, body["results"]![0]!.Value<string>("name")), Is.EqualTo((200, "a")));
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"api/container_images/2/custom_attributes/{results[1]!.Value<string>("id")}");
        Assert.That((await h.SendAsync(delete)).Status, Is.EqualTo(204));
        Assert.That(h.Emulator.Store.CustomAttributesOf(2), Is.Empty);
        using var foreign = new HttpRequestMessage(HttpMethod.Delete, "api/container_images/2/custom_attributes/1");
        Assert.That((await h.SendAsync(foreign)).Status, Is.EqualTo(404), "attribute 1 belongs to image 1");
    }

    [Test]
    public async Task Fact53_ImageAttributes_NeedNoRoleProviderAttributesDo()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var image = await h.PostAsync("api/container_images/2/custom_attributes", new { action = "add", resources = new[] { new { name = "a", value = "1" } } }, ConventionsTests.Auditor);
        Assert.That(image.Status, Is.EqualTo(200));
        var provider = await h.PostAsync("api/providers/1/custom_attributes", new { action = "add", resources = new[] { new { name = "a", value = "1" } } }, ConventionsTests.Auditor);
        Assert.That((provider.Status, provider.Body["error"]!.Value<string>("message")), Is.EqualTo((403, "Use of Action add is forbidden")));
    }
}
