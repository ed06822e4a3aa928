using System.Net;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>The emulator's own tools: fault injection, request recording and seeding.</summary>
[CancelAfter(30_000)]
public sealed class FaultsAndRecordingTests
{
    [Test]
    public async Task FailNext_Status_AnswersHtmlThenRecovers()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Emulator.Faults.FailNext(HttpStatusCode.BadGateway, "GET", "/api/providers");
        using var failed = await h.Http.GetAsync(new Uri("api/providers", UriKind.Relative));
        Assert.That(((int)failed.StatusCode, failed.Content.Headers.ContentType?.MediaType), Is.EqualTo((502, "text/html")));
        Assert.That((await h.GetAsync("api/providers")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task FaultRule_QueryContains_HitsOnlyThatPage()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Emulator.Faults.Add(new Faults.FaultRule(Faults.FaultKind.Status, "GET", "/api/container_images") { Status = HttpStatusCode.InternalServerError, QueryContains = "offset=2&" });
        Assert.That((await h.GetAsync("api/container_images?offset=0&limit=2")).Status, Is.EqualTo(200));
        Assert.That((await h.GetAsync("api/container_images?offset=2&limit=2")).Status, Is.EqualTo(500));
        Assert.That((await h.GetAsync("api/container_images?offset=2&limit=2")).Status, Is.EqualTo(200), "used up after one hit");
    }

    [Test]
    public async Task DropNext_ClosesConnectionWithoutHandling()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Emulator.Faults.DropNext("POST");
        Assert.That(async () => await h.PostAsync("api/container_images/1", new { action = "scan" }), Throws.InstanceOf<HttpRequestException>());
        Assert.That(h.Emulator.Store.ImageActions(), Is.Empty);
    }

    [Test]
    public async Task DropAfterHandlingNext_WritesThenCloses()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Emulator.Faults.DropAfterHandlingNext("POST");
        Assert.That(async () => await h.PostAsync("api/container_images/1", new { action = "scan" }), Throws.InstanceOf<HttpRequestException>());
        Assert.That(h.Emulator.Store.ImageActions(), Has.Count.EqualTo(1));
        Assert.That(h.Emulator.Requests.All.Single().Fault, Is.EqualTo("drop-after"));
    }

    [Test]
    public async Task DelayNext_HoldsTheAnswer()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Emulator.Faults.DelayNext(TimeSpan.FromMilliseconds(600), "GET");
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.That((await h.GetAsync("api/providers")).Status, Is.EqualTo(200));
        Assert.That(started.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(550)));
    }

    [Test]
    public async Task ExpireTokens_TokenThenRejected()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var token = (await h.GetAsync("api/auth")).Body.Value<string>("auth_token")!;
        h.Emulator.ExpireTokens();
        h.Http.DefaultRequestHeaders.Authorization = null;
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/providers");
        request.Headers.Add("X-Auth-Token", token);
        Assert.That((await h.SendAsync(request)).Status, Is.EqualTo(401));
    }

    [Test]
    public async Task Requests_RecordMethodPathQueryStatusAuthAndAction()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.GetAsync("api/providers?expand=resources");
        await h.PostAsync("api/container_images/1", new { action = "scan" });
        var recorded = h.Emulator.Requests.All;
        Assert.That(recorded.Select(r => (r.Method, r.Path, r.Query, r.Status, r.Auth, r.Action)), Is.EqualTo(new[]
        {
            ("GET", "/api/providers", "?expand=resources", 200, "basic", (string?)null),
            ("POST", "/api/container_images/1", string.Empty, 200, "basic", "scan"),
        }));
    }

    [Test]
    public async Task Seed_Default_HasFixturesTheBridgeUses()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var events = (await h.GetAsync("api/events?expand=resources&attributes=name")).Body["resources"]!.Select(e => e.Value<string>("name"));
        Assert.That(events, Is.SupersetOf(new[] { "containerimage_created", "containerimage_scan_complete", "containerimage_compliance_check", "request_containerimage_scan" }));
        var actions = (await h.GetAsync("api/actions?expand=resources&attributes=name")).Body["resources"]!.Select(e => e.Value<string>("name"));
        Assert.That(actions, Is.SupersetOf(new[] { "container_image_analyze", "container_image_annotate_scan_results", "compliance_failed", "check_compliance" }));
        var zones = (await h.GetAsync("api/zones?expand=resources")).Body["resources"]!;
        Assert.That(zones[0]!.Value<string>("name"), Is.EqualTo("default"));
    }

    [Test]
    public void Seed_NotJson_ThrowsNamingTheSource()
    {
        Assert.That(() => Seeding.EmulatorSeed.Parse("[1,", "my-seed.json"), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("my-seed.json"));
        Assert.That(async () => await ManageIqEmulator.StartAsync(new EmulatorOptions { Seed = new JObject { ["providers"] = "nope" } }),
            Throws.InstanceOf<InvalidDataException>().With.Message.EqualTo("The seed's providers member is not an array."));
    }

    [Test]
    public async Task Generated_FiftyThousandImages_PagesOfAThousand()
    {
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { Seed = Seeding.GeneratedSeed.Create(10, 50_000) });
        var (_, body) = await h.GetAsync("api/container_images?offset=49000&limit=5000");
        Assert.That((body.Value<int>("count"), body.Value<int>("subcount"), body.Value<int>("pages")), Is.EqualTo((50_000, 1000, 50)));
        Assert.That(body["links"]!["next"], Is.Null);
    }
}
