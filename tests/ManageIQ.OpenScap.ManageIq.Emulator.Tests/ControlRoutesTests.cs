using System.Text;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>The <c>/emulator</c> routes other than faults, over loopback: the request log and images.</summary>
[CancelAfter(30_000)]
public sealed class ControlRoutesTests
{
    [TestCase("GET", "emulator/requests")]
    [TestCase("DELETE", "emulator/requests")]
    [TestCase("GET", "emulator/faults")]
    [TestCase("POST", "emulator/faults")]
    [TestCase("DELETE", "emulator/faults")]
    [TestCase("POST", "emulator/container_images")]
    [TestCase("POST", "emulator/container_images/1/archive")]
    public async Task WithoutControl_EachRoute_Is404LikeAnyUnknownPath(string method, string path)
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? new StringContent("""{"method":"GET","status":503,"name":"x","ems_id":1}""", Encoding.UTF8, "application/json") : null,
        };
        using var response = await h.Http.SendAsync(request);
        Assert.That(((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType), Is.EqualTo((404, "text/html")));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain($"No route matches [{method}] \"/{path}\""));
        Assert.That(h.Emulator.Faults.Pending(), Is.Empty);
        Assert.That(h.Emulator.Store.Read(s => (s.ContainerImages.Count, s.ContainerImages.Find(1)!["deleted_on"]!.Type)), Is.EqualTo((6, JTokenType.Null)));
    }

    [Test]
    public async Task Requests_ListMethodPathQueryStatusTimeOfApiCallsOnly()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        await h.GetAsync("api/providers?expand=resources&filter%5B%5D=name%3D%27OpenShift%27");
        await h.PostAsync("api/container_images/1", new { action = "scan" });
        await h.GetAsync("api/nothing_here");
        await h.GetArrayAsync("emulator/faults");

        var log = await h.GetArrayAsync("emulator/requests");
        Assert.That(log.Select(r => (r.Value<string>("method"), r.Value<string>("path"), r.Value<string>("query"), r.Value<int>("status"), r.Value<string>("action"))), Is.EqualTo(new[]
        {
            ("GET", "/api/providers", "expand=resources&filter%5B%5D=name%3D%27OpenShift%27", 200, (string?)null),
            ("POST", "/api/container_images/1", string.Empty, 200, "scan"),
            ("GET", "/api/nothing_here", string.Empty, 404, null),
        }));
        Assert.That(log.Select(r => DateTimeOffset.Parse(r.Value<string>("time")!, System.Globalization.CultureInfo.InvariantCulture)), Is.Ordered);
        Assert.That(log[0]!.Value<string>("time"), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
        Assert.That(log[0]!["fault"]!.Type, Is.EqualTo(JTokenType.Null));
    }

    [Test]
    public async Task DeleteRequests_EmptiesTheLog()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        await h.GetAsync("api/providers");
        Assert.That((await h.DeleteAsync("emulator/requests")).Status, Is.EqualTo(204));
        Assert.That(await h.GetArrayAsync("emulator/requests"), Is.Empty);
        await h.GetAsync("api/zones");
        Assert.That((await h.GetArrayAsync("emulator/requests")).Single().Value<string>("path"), Is.EqualTo("/api/zones"));
    }

    [Test]
    public async Task AddImage_ReturnsItWithItsIdAndTheApiListsIt()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        var (status, image) = await h.PostAsync("emulator/container_images", new
        {
            name = "team/new-app",
            tag = "2.0",
            digest = "sha256:" + new string('b', 64),
            image_ref = "docker-pullable://registry.example.test/team/new-app@sha256:" + new string('b', 64),
            ems_id = 1,
            container_image_registry_id = "2",
        });
        Assert.That(status, Is.EqualTo(200));
        var id = image.Value<string>("id");
        Assert.That(id, Is.EqualTo("7"), "the seed's last image is 6");
        Assert.That((image.Value<string>("href"), image.Value<string>("ems_id"), image.Value<string>("container_image_registry_id"), image.Value<string>("type")),
            Is.EqualTo(($"{h.Api}/container_images/7", "1", "2", "ManageIQ::Providers::Openshift::ContainerManager::ContainerImage")));
        Assert.That(image["deleted_on"]!.Type, Is.EqualTo(JTokenType.Null));
        Assert.That(image["actions"], Is.Null);

        var (_, shown) = await h.GetAsync("api/container_images/7?attributes=name,tag,digest,display_registry");
        Assert.That((shown.Value<string>("name"), shown.Value<string>("tag"), shown.Value<string>("display_registry")), Is.EqualTo(("team/new-app", "2.0", "registry.example.test")));
        var (_, live) = await h.GetAsync("api/container_images?expand=resources&attributes=name&filter[]=deleted_on=NULL&filter[]=ems_id=1");
        Assert.That(live["resources"]!.Select(r => r.Value<string>("name")), Does.Contain("team/new-app"));
    }

    [Test]
    public async Task AddImage_KubernetesProviderWithoutRegistry_HasNoTypeAndNullRegistry()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        var (status, image) = await h.PostAsync("emulator/container_images", new { name = "bare", ems_id = "2" });
        Assert.That(status, Is.EqualTo(200));
        Assert.That((image["type"]!.Type, image["container_image_registry_id"]!.Type, image["tag"]!.Type), Is.EqualTo((JTokenType.Null, JTokenType.Null, JTokenType.Null)));
        Assert.That(image.Properties().Select(p => p.Name), Is.EqualTo(h.Emulator.Store.Read(s => s.ContainerImages.Find(1)!.Properties().Select(p => p.Name).Prepend("href").ToList())),
            "a new image has every column a seeded one has, in the same order");
    }

    [TestCase("""{"tag":"1","ems_id":1}""", "name")]
    [TestCase("""{"name":"","ems_id":1}""", "name")]
    [TestCase("""{"name":5,"ems_id":1}""", "name")]
    [TestCase("""{"name":"a"}""", "ems_id")]
    [TestCase("""{"name":"a","ems_id":99}""", "ems_id")]
    [TestCase("""{"name":"a","ems_id":"one"}""", "ems_id")]
    [TestCase("""{"name":"a","ems_id":1,"container_image_registry_id":42}""", "container_image_registry_id")]
    [TestCase("""{"name":"a","ems_id":1,"labels":{"app":"x"}}""", "labels")]
    [TestCase("""{"name":"a","ems_id":1,"digest":["sha256:1"]}""", "digest")]
    public async Task AddImage_BadBody_Is400NamingTheField(string body, string field)
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        var (status, answer) = await h.PostAsync("emulator/container_images", body);
        Assert.That((status, answer["error"]!.Value<string>("field"), answer["error"]!.Value<string>("kind")), Is.EqualTo((400, field, "bad_request")));
        Assert.That(answer["error"]!.Value<string>("message"), Does.Contain(field));
        Assert.That(h.Emulator.Store.Read(s => s.ContainerImages.Count), Is.EqualTo(6));
    }

    [TestCase("[1,2]")]
    [TestCase("{\"name\":")]
    [TestCase("{} {}")]
    public async Task AddImage_NotAJsonObject_Is400(string body)
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        var (status, answer) = await h.PostAsync("emulator/container_images", body);
        Assert.That((status, answer["error"]!["field"]!.Type), Is.EqualTo((400, JTokenType.Null)));
        Assert.That(answer["error"]!.Value<string>("message"), Does.StartWith("The body"));
    }

    [Test]
    public async Task ControlBody_OverTheBound_Is413()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        var (status, answer) = await h.PostAsync("emulator/container_images", new { name = new string('a', 70_000), ems_id = 1 });
        Assert.That((status, answer["error"]!.Value<string>("message")), Is.EqualTo((413, "A control body is at most 65536 bytes.")));
    }

    [Test]
    public async Task Archive_SetsDeletedOnOnceAndLiveListingsDropTheImage()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        var (status, archived) = await h.PostAsync("emulator/container_images/2/archive", string.Empty);
        Assert.That(status, Is.EqualTo(200));
        var deletedOn = archived.Value<string>("deleted_on");
        Assert.That(deletedOn, Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        Assert.That(h.Emulator.Store.Read(s => s.ContainerImages.Find(2)!.Value<string>("deleted_on")), Is.EqualTo(deletedOn));

        var (_, live) = await h.GetAsync("api/container_images?expand=resources&attributes=id&filter[]=deleted_on=NULL");
        Assert.That(live["resources"]!.Select(r => r.Value<string>("id")), Is.EqualTo(new[] { "1", "3", "4", "5" }));

        var (_, again) = await h.PostAsync("emulator/container_images/6/archive", new { });
        Assert.That(again.Value<string>("deleted_on"), Is.EqualTo("2026-01-04T08:00:00Z"), "an archived image keeps its first date");
    }

    [TestCase("99")]
    [TestCase("abc")]
    public async Task Archive_UnknownImage_Is404NamingTheId(string id)
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        var (status, answer) = await h.PostAsync($"emulator/container_images/{id}/archive", string.Empty);
        Assert.That((status, answer["error"]!.Value<string>("kind"), answer["error"]!.Value<string>("field")), Is.EqualTo((404, "not_found", "id")));
        Assert.That(answer["error"]!.Value<string>("message"), Does.Contain($"'{id}'"));
    }

    [Test]
    public async Task Archive_WithABody_Is400NamingTheField()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        var (status, answer) = await h.PostAsync("emulator/container_images/2/archive", new { deleted_on = "2026-01-01T00:00:00Z" });
        Assert.That((status, answer["error"]!.Value<string>("field")), Is.EqualTo((400, "deleted_on")));
    }

    [TestCase("GET", "emulator/container_images")]
    [TestCase("PUT", "emulator/faults")]
    [TestCase("GET", "emulator")]
    [TestCase("GET", "emulator/container_images/1/archive")]
    public async Task WithControl_UnknownControlRoute_Is404(string method, string path)
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await h.Http.SendAsync(request);
        Assert.That(((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType), Is.EqualTo((404, "text/html")));
    }
}
