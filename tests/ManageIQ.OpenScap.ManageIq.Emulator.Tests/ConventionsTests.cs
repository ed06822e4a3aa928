using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>Contract facts 1-9: error envelope, Accept, normalization, POST envelope, action status, versions, routing, bad JSON.</summary>
[CancelAfter(30_000)]
public sealed class ConventionsTests
{
    [Test]
    public async Task Fact01_MissingRecord_IsErrorEnvelopeWithKindMessageKlass()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.GetAsync("api/container_images/999999");
        Assert.That(status, Is.EqualTo(404));
        Assert.That(body.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
            """{"error":{"kind":"not_found","message":"Couldn't find ContainerImage with 'id'=999999","klass":"ActiveRecord::RecordNotFound"}}"""));
    }

    [TestCase(null, 200)]
    [TestCase("application/json", 200)]
    [TestCase("*/*", 200)]
    [TestCase("application/xml", 415)]
    public async Task Fact02_AcceptHeader_ServedOnlyForBlankJsonOrAny(string? accept, int expected)
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/container_images");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var (status, body) = await h.SendAsync(request);
        Assert.That(status, Is.EqualTo(expected));
        if (expected == 415)
        {
            Assert.That(body["error"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
                """{"kind":"unsupported_media_type","message":"Invalid Response Format application/xml requested","klass":"Api::UnsupportedMediaTypeError"}"""));
        }
    }

    [Test]
    public async Task Fact02_ContentTypeIgnored_JsonBodyParsedAnyway()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/container_images/2/custom_attributes")
        {
            Content = new StringContent("""{"action":"add","resources":[{"name":"x1","value":"1"}]}""", Encoding.UTF8, "application/xml"),
        };
        var (status, body) = await h.SendAsync(request);
        Assert.That((status, body["results"]![0]!.Value<string>("name")), Is.EqualTo((200, "x1")));
    }

    [Test]
    public async Task Fact03_Normalization_IdsAsStringsHrefFirstNullsPresentTimesIso()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, image) = await h.GetAsync("api/container_images/4");
        Assert.That(image.Properties().First().Name, Is.EqualTo("href"));
        Assert.That(image["id"]!.Type, Is.EqualTo(JTokenType.String));
        Assert.That(image.Value<string>("ems_id"), Is.EqualTo("2"));
        Assert.That(image["container_image_registry_id"]!.Type, Is.EqualTo(JTokenType.Null), "nil attributes are present as null");
        Assert.That(image.Value<string>("created_on"), Is.EqualTo("2026-01-02T10:00:00Z"));
    }

    [Test]
    public async Task Fact04_PostWithoutAction_MeansCreateAndAnswers200Results()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.PostAsync("api/conditions", new { name = "c1", description = "c1 d", towhat = "ContainerImage", expression = new JObject { ["="] = new JObject { ["field"] = "ContainerImage-name", ["value"] = "x" } } });
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body["results"]![0]!.Value<string>("id"), Is.Not.Null);
    }

    [Test]
    public async Task Fact05_SingleFailedAction_Is400ButBulkWithFailureIs200()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var single = await h.PostAsync("api/providers/1/policy_profiles", new { action = "assign", resource = new { guid = "nope" } });
        Assert.That(single.Status, Is.EqualTo(400));
        Assert.That(single.Body["results"]![0]!.Value<bool>("success"), Is.False);
        var bulk = await h.PostAsync("api/providers/1/policy_profiles", new { action = "assign", resources = new[] { new { guid = "nope" } } });
        Assert.That(bulk.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Fact06_ActionResult_KeyOrderAndStringTaskId()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, body) = await h.PostAsync("api/container_images/1", new { action = "scan" });
        Assert.That(body.Properties().Select(p => p.Name), Is.EqualTo(new[] { "success", "message", "task_id", "task_href", "href" }));
        Assert.That(body["task_id"]!.Type, Is.EqualTo(JTokenType.String));
        Assert.That(body.Value<string>("task_href"), Is.EqualTo($"{h.Api}/tasks/{body.Value<string>("task_id")}"));
        Assert.That(body.ContainsKey("actions"), Is.False);
    }

    [Test]
    public async Task Fact07_VersionSegment_AcceptedAndKeptInHrefsUnknownIs400()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.GetAsync("api/v4.4.0-pre/container_images/1");
        Assert.That((status, body.Value<string>("href")), Is.EqualTo((200, $"{h.Api}/v4.4.0-pre/container_images/1")));
        var bad = await h.GetAsync("api/v9999.9999/container_images");
        Assert.That((bad.Status, bad.Body["error"]!.Value<string>("message")), Is.EqualTo((400, "Unsupported API Version 9999.9999 specified")));
    }

    [TestCase("DELETE", "api/container_images/1")]
    [TestCase("PUT", "api/conditions/1")]
    [TestCase("GET", "api/foo")]
    public async Task Fact08_Unrouted_IsHtml404NotEnvelope(string method, string path)
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var response = await h.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.That((int)response.StatusCode, Is.EqualTo(404));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Routing Error"));
    }

    [Test]
    public async Task Fact09_MalformedJson_Is400ParserError()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.PostAsync("api/conditions", "{\"name\": ");
        Assert.That((status, body["error"]!.Value<string>("klass")), Is.EqualTo((400, "JSON::ParserError")));
    }

    internal static AuthenticationHeaderValue Auditor => EmulatorHarness.Basic("auditor", "auditor");
}
