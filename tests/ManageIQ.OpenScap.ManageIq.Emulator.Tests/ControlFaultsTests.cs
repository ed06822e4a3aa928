using System.Text;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary><c>/emulator/faults</c> over loopback: each kind, the match, the count, and bad bodies.</summary>
[CancelAfter(30_000)]
public sealed class ControlFaultsTests
{
    private const string Attributes = "api/container_images/2/custom_attributes";

    private static readonly object AddOne = new { action = "add", resources = new[] { new { name = "openscap_status", value = "compliant" } } };

    [Test]
    public async Task Status_HitsCountMatchingRequestsThenRecovers()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        var (status, fault) = await h.PostAsync("emulator/faults", new { method = "post", pathPrefix = "/api/container_images", count = 5, status = 503 });
        Assert.That((status, fault.ToString(Newtonsoft.Json.Formatting.None)),
            Is.EqualTo((200, """{"method":"POST","pathPrefix":"/api/container_images","queryContains":null,"count":5,"status":503}""")));

        Assert.That((await h.GetAsync("api/container_images/2")).Status, Is.EqualTo(200), "a GET does not match a POST fault");
        var answers = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add((await h.PostAsync(Attributes, AddOne)).Status);
        }

        Assert.That(answers, Is.EqualTo(new[] { 503, 503, 503, 503, 503, 200 }));
        Assert.That(h.Emulator.Store.CustomAttributesOf(2), Has.Count.EqualTo(1), "a 503 never reaches the handler");
        var log = await h.GetArrayAsync("emulator/requests");
        Assert.That(log.Where(r => r.Value<string>("method") == "POST").Select(r => (r.Value<int>("status"), r.Value<string>("fault"))),
            Is.EqualTo(Enumerable.Repeat((503, (string?)"status"), 5).Append((200, null))));
        Assert.That(await h.GetArrayAsync("emulator/faults"), Is.Empty, "used up");
    }

    [Test]
    public async Task Status_AnswersAnHtmlPageAsAProxyWould()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        await h.PostAsync("emulator/faults", new { status = 502 });
        using var response = await h.Http.GetAsync(new Uri("api/providers", UriKind.Relative));
        Assert.That(((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType), Is.EqualTo((502, "text/html")));
    }

    [Test]
    public async Task QueryContains_NarrowsTheMatchToOnePage()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        await h.PostAsync("emulator/faults", new { method = "GET", pathPrefix = "/api/container_images", queryContains = "offset=2&", status = 500 });
        Assert.That((await h.GetAsync("api/container_images?offset=0&limit=2")).Status, Is.EqualTo(200));
        Assert.That((await h.GetAsync("api/container_images?offset=2&limit=2")).Status, Is.EqualTo(500));
        Assert.That((await h.GetAsync("api/container_images?offset=2&limit=2")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task DropBefore_ClosesWithoutHandling()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        await h.PostAsync("emulator/faults", new { method = "POST", pathPrefix = Slash(Attributes), drop = "before" });
        Assert.That(async () => await h.PostAsync(Attributes, AddOne), Throws.InstanceOf<HttpRequestException>());
        Assert.That(h.Emulator.Store.CustomAttributesOf(2), Is.Empty);
        var entry = (await h.GetArrayAsync("emulator/requests")).Single();
        Assert.That((entry.Value<int>("status"), entry.Value<string>("fault")), Is.EqualTo((0, "drop-before")));
    }

    [Test]
    public async Task DropAfter_AppliesTheWriteButTheClientGetsNoAnswer()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        await h.PostAsync("emulator/faults", new { method = "POST", pathPrefix = Slash(Attributes), drop = "after" });
        Assert.That(async () => await h.PostAsync(Attributes, AddOne), Throws.InstanceOf<HttpRequestException>());

        var stored = h.Emulator.Store.CustomAttributesOf(2).Single();
        Assert.That((stored.Value<string>("name"), stored.Value<string>("value")), Is.EqualTo(("openscap_status", "compliant")));
        var entry = (await h.GetArrayAsync("emulator/requests")).Single();
        Assert.That((entry.Value<int>("status"), entry.Value<string>("fault"), entry.Value<string>("action")), Is.EqualTo((0, "drop-after", "add")));

        var (_, listed) = await h.GetAsync(Attributes + "?expand=resources");
        Assert.That(listed["resources"]!.Select(r => r.Value<string>("value")), Is.EqualTo(new[] { "compliant" }), "the API shows the write too");
    }

    [Test]
    public async Task DelayMs_WaitsBeforeHandling(CancellationToken cancellationToken)
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        await h.PostAsync("emulator/faults", new { method = "POST", pathPrefix = Slash(Attributes), delayMs = 600_000 });
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = PostAsync(h, Attributes, AddOne, abandon.Token);

        // The rule is used up when the request arrives; the handler has not run while the delay lasts.
        await EmulatorHarness.WaitUntilAsync(async () => (await h.GetArrayAsync("emulator/faults")).Count == 0, cancellationToken);
        Assert.That(h.Emulator.Store.CustomAttributesOf(2), Is.Empty);
        Assert.That(pending.IsCompleted, Is.False);

        await abandon.CancelAsync();
        Assert.That(async () => await pending, Throws.InstanceOf<OperationCanceledException>());
        await EmulatorHarness.WaitUntilAsync(async () => (await h.GetArrayAsync("emulator/requests")).Count == 1, cancellationToken);
        var entry = (await h.GetArrayAsync("emulator/requests")).Single();
        Assert.That((entry.Value<int>("status"), entry.Value<string>("fault")), Is.EqualTo((0, "delay")), "the client left during the delay: never handled");
        Assert.That(h.Emulator.Store.CustomAttributesOf(2), Is.Empty);
    }

    [Test]
    public async Task DelayMs_ThenHandlesAndAnswers()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        await h.PostAsync("emulator/faults", new { method = "POST", delayMs = 50 });
        var (status, body) = await h.PostAsync(Attributes, AddOne);
        Assert.That((status, body["results"]![0]!.Value<string>("value")), Is.EqualTo((200, "compliant")));
        var entry = (await h.GetArrayAsync("emulator/requests")).Single();
        Assert.That((entry.Value<int>("status"), entry.Value<string>("fault")), Is.EqualTo((200, "delay")));
    }

    [Test]
    public async Task DelayAfterMs_AppliesTheWriteThenHoldsTheAnswer(CancellationToken cancellationToken)
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        await h.PostAsync("emulator/faults", new { method = "POST", pathPrefix = Slash(Attributes), delayAfterMs = 600_000 });
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = PostAsync(h, Attributes, AddOne, abandon.Token);

        // The log shows the request once handled, while its answer is held: "applied but unanswered".
        await EmulatorHarness.WaitUntilAsync(async () => (await h.GetArrayAsync("emulator/requests")).Count == 1, cancellationToken);
        var entry = (await h.GetArrayAsync("emulator/requests")).Single();
        Assert.That((entry.Value<int>("status"), entry.Value<string>("fault")), Is.EqualTo((200, "delay-after")));
        Assert.That(h.Emulator.Store.CustomAttributesOf(2).Single().Value<string>("value"), Is.EqualTo("compliant"));
        Assert.That(pending.IsCompleted, Is.False);

        await abandon.CancelAsync();
        Assert.That(async () => await pending, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(h.Emulator.Store.CustomAttributesOf(2), Has.Count.EqualTo(1), "the write stays");
    }

    [Test]
    public async Task DelayAfterMs_ThenAnswersWhatTheHandlerReturned()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        await h.PostAsync("emulator/faults", new { method = "POST", delayAfterMs = 50 });
        var (status, body) = await h.PostAsync(Attributes, AddOne);
        Assert.That((status, body["results"]![0]!.Value<string>("name")), Is.EqualTo((200, "openscap_status")));
    }

    [Test]
    public async Task ExpireTokens_TheNextMatchingTokenRequestIs401()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        var token = (await h.GetAsync("api/auth")).Body.Value<string>("auth_token")!;
        await h.PostAsync("emulator/faults", new { method = "GET", pathPrefix = "/api/providers", expireTokens = true });
        Assert.That(await WithTokenAsync(h, "api/zones", token), Is.EqualTo(200), "not matched: the token still works");
        Assert.That(await WithTokenAsync(h, "api/providers", token), Is.EqualTo(401));
        Assert.That(await WithTokenAsync(h, "api/zones", token), Is.EqualTo(401), "expired for good");
        Assert.That((await h.GetAsync("api/providers")).Status, Is.EqualTo(200), "Basic still authenticates");
        var entry = (await h.GetArrayAsync("emulator/requests")).Single(r => r.Value<string>("fault") is not null);
        Assert.That((entry.Value<string>("path"), entry.Value<int>("status"), entry.Value<string>("fault")), Is.EqualTo(("/api/providers", 401, "expire-tokens")));
    }

    [Test]
    public async Task GetFaults_ListsPendingRulesWithWhatIsLeftAndDeleteClearsThem()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        await h.PostAsync("emulator/faults", new { method = "GET", pathPrefix = "/api/zones", count = 3, status = 500 });
        await h.PostAsync("emulator/faults", new { drop = "after", queryContains = "expand=resources" });
        await h.GetAsync("api/zones");
        var pending = await h.GetArrayAsync("emulator/faults");
        Assert.That(pending.Select(p => p.ToString(Newtonsoft.Json.Formatting.None)), Is.EqualTo(new[]
        {
            """{"method":"GET","pathPrefix":"/api/zones","queryContains":null,"count":2,"status":500}""",
            """{"method":null,"pathPrefix":null,"queryContains":"expand=resources","count":1,"drop":"after"}""",
        }));

        Assert.That((await h.DeleteAsync("emulator/faults")).Status, Is.EqualTo(204));
        Assert.That(await h.GetArrayAsync("emulator/faults"), Is.Empty);
        Assert.That((await h.GetAsync("api/zones")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Faults_NeverHitTheControlRoutes()
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        await h.PostAsync("emulator/faults", new { status = 503, count = 2 });
        await h.PostAsync("emulator/faults", new { drop = "before", pathPrefix = "/emulator" });
        Assert.That(await h.GetArrayAsync("emulator/faults"), Has.Count.EqualTo(2));
        Assert.That((await h.GetAsync("api/zones")).Status, Is.EqualTo(503));
    }

    [TestCase("""{"method":"GET"}""", null, "needs one of")]
    [TestCase("""{"status":503,"drop":"after"}""", "drop", "status and drop")]
    [TestCase("""{"status":"503"}""", "status", "whole number")]
    [TestCase("""{"status":200}""", "status", "from 400 to 599")]
    [TestCase("""{"drop":"sideways"}""", "drop", "sideways")]
    [TestCase("""{"drop":true}""", "drop", "string")]
    [TestCase("""{"delayMs":-1}""", "delayMs", "from 0 to 600000")]
    [TestCase("""{"delayAfterMs":600001}""", "delayAfterMs", "from 0 to 600000")]
    [TestCase("""{"delayMs":1.5}""", "delayMs", "whole number")]
    [TestCase("""{"expireTokens":false}""", "expireTokens", "must be true")]
    [TestCase("""{"status":503,"method":"FETCH"}""", "method", "FETCH")]
    [TestCase("""{"status":503,"pathPrefix":"api/container_images"}""", "pathPrefix", "start with '/'")]
    [TestCase("""{"status":503,"count":0}""", "count", "from 1 to")]
    [TestCase("""{"status":503,"queryContains":""}""", "queryContains", "empty")]
    [TestCase("""{"status":503,"pathprefix":"/api"}""", "pathprefix", "Unknown field")]
    [TestCase("""[{"status":503}]""", null, "JSON object")]
    [TestCase("""{"status":""", null, "not valid JSON")]
    public async Task AddFault_BadBody_Is400NamingTheField(string body, string? field, string message)
    {
        await using var h = await EmulatorHarness.StartControlledAsync();
        var (status, answer) = await h.PostAsync("emulator/faults", body);
        Assert.That((status, answer["error"]!.Value<string>("field")), Is.EqualTo((400, field)));
        Assert.That(answer["error"]!.Value<string>("message"), Does.Contain(message));
        Assert.That(h.Emulator.Faults.Pending(), Is.Empty);
    }

    private static string Slash(string path) => "/" + path;

    private static async Task<int> PostAsync(EmulatorHarness h, string path, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(JToken.FromObject(body).ToString(), Encoding.UTF8, "application/json") };
        return (await h.SendAsync(request, cancellationToken)).Status;
    }

    private static async Task<int> WithTokenAsync(EmulatorHarness h, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = null;
        request.Headers.Add("X-Auth-Token", token);
        return (await h.SendAsync(request)).Status;
    }
}
