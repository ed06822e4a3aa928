using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>Contract facts 10-20: the entrypoint, tokens, groups and role checks.</summary>
[CancelAfter(30_000)]
public sealed class EntrypointAndAuthTests
{
    [Test]
    public async Task Fact10To13_Entrypoint_KeysVersionsSortedCollectionsIdentity()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.GetAsync("api");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body.Properties().Select(p => p.Name), Is.EqualTo(new[] { "name", "description", "version", "versions", "settings", "identity", "server_info", "product_info", "collections" }));
        Assert.That(body["versions"]![0]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo($$"""{"name":"4.4.0-pre","href":"{{h.Emulator.BaseUri}}api/v4.4.0-pre"}"""));
        var names = body["collections"]!.Select(c => c.Value<string>("name")!).ToList();
        Assert.That(names, Is.Ordered.And.Contains("container_images").And.Not.Contains("custom_attributes").And.Not.Contains("auth"));
        Assert.That(body["collections"]!.First(c => c.Value<string>("name") == "container_images").ToString(Newtonsoft.Json.Formatting.None),
            Is.EqualTo($$"""{"name":"container_images","href":"{{h.Api}}/container_images","description":"Container Images"}"""));
        Assert.That(body["identity"]!.Value<string>("userid"), Is.EqualTo("admin"));
        Assert.That(body["identity"]!.Value<string>("group"), Is.EqualTo("EvmGroup-super_administrator"));
    }

    [Test]
    public async Task Fact14_PingAndProductInfo_NeedNoAuthentication()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Http.DefaultRequestHeaders.Authorization = null;
        Assert.That(await h.Http.GetStringAsync(new Uri("api/ping", UriKind.Relative)), Is.EqualTo("pong"));
        var (status, info) = await h.GetAsync("api/product_info");
        Assert.That((status, info["authentication"]!.Value<string>("mode")), Is.EqualTo((200, "database")));
    }

    [Test]
    public async Task Fact15_NoCredentials_401WithoutBasicChallenge()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Http.DefaultRequestHeaders.Authorization = null;
        using var response = await h.Http.GetAsync(new Uri("api/container_images", UriKind.Relative));
        Assert.That((int)response.StatusCode, Is.EqualTo(401));
        Assert.That(response.Headers.WwwAuthenticate, Is.Empty);
        var error = JObject.Parse(await response.Content.ReadAsStringAsync())["error"]!;
        Assert.That((error.Value<string>("kind"), error.Value<string>("message")), Is.EqualTo(("unauthorized", "Api::BaseController::Authentication::AuthenticationError")));
    }

    [Test]
    public async Task Fact15_WrongPassword_401()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, _) = await h.GetAsync("api/container_images", EmulatorHarness.Basic("admin", "wrong"));
        Assert.That(status, Is.EqualTo(401));
    }

    [Test]
    public async Task Fact16_Auth_IssuesTokenWithTtlAndExpiry()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var (status, body) = await h.GetAsync("api/auth");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body.Properties().Select(p => p.Name), Is.EqualTo(new[] { "auth_token", "token_ttl", "expires_on" }));
        Assert.That((body.Value<int>("token_ttl"), body.Value<string>("expires_on")), Is.EqualTo((600, "2026-01-01T00:10:00Z")));
        var bad = await h.GetAsync("api/auth?requester_type=bogus_type");
        Assert.That(bad.Body["error"]!.Value<string>("message"), Is.EqualTo("Invalid requester_type bogus_type specified, valid types are: api, ui, ws"));
    }

    [Test]
    public async Task Fact17_Token_SlidesOnUseUnlessSkipRenewal()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var token = (await h.GetAsync("api/auth")).Body.Value<string>("auth_token")!;
        time.Advance(TimeSpan.FromMinutes(8));
        Assert.That(await WithToken(h, token, skipRenewal: true), Is.EqualTo(200));
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.That(await WithToken(h, token, skipRenewal: false), Is.EqualTo(401), "the skipped renewal left the 10-minute expiry in place");

        var second = (await h.GetAsync("api/auth")).Body.Value<string>("auth_token")!;
        time.Advance(TimeSpan.FromMinutes(8));
        Assert.That(await WithToken(h, second, skipRenewal: false), Is.EqualTo(200));
        time.Advance(TimeSpan.FromMinutes(8));
        Assert.That(await WithToken(h, second, skipRenewal: false), Is.EqualTo(200), "the use at minute 8 renewed it");
    }

    [Test]
    public async Task Fact17_BadTokenWithBasic_401NoFallback()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/container_images");
        request.Headers.Add("X-Auth-Token", "bogus");
        var (status, body) = await h.SendAsync(request);
        Assert.That((status, body["error"]!.Value<string>("message")), Is.EqualTo((401, "Invalid Authentication Token bogus specified")));
        using var empty = new HttpRequestMessage(HttpMethod.Get, "api/container_images");
        empty.Headers.TryAddWithoutValidation("X-Auth-Token", string.Empty);
        Assert.That((await h.SendAsync(empty)).Body["error"]!.Value<string>("message"), Is.EqualTo("Empty Authentication Token (HTTP_X_AUTH_TOKEN)"));
    }

    [Test]
    public async Task Fact18_DeleteAuth_RevokesTheToken()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var token = (await h.GetAsync("api/auth")).Body.Value<string>("auth_token")!;
        using var delete = new HttpRequestMessage(HttpMethod.Delete, "api/auth");
        delete.Headers.Add("X-Auth-Token", token);
        Assert.That((await h.SendAsync(delete)).Status, Is.EqualTo(204));
        Assert.That(await WithToken(h, token, skipRenewal: false), Is.EqualTo(401));
    }

    [Test]
    public async Task Fact19_Group_EscapedKnownGroupSelectedUnknownIs401()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var ok = new HttpRequestMessage(HttpMethod.Get, "api");
        ok.Headers.Add("X-MIQ-Group", Uri.EscapeDataString("EvmGroup-super_administrator"));
        Assert.That((await h.SendAsync(ok)).Body["identity"]!.Value<string>("group"), Is.EqualTo("EvmGroup-super_administrator"));
        using var bad = new HttpRequestMessage(HttpMethod.Get, "api");
        bad.Headers.Add("X-MIQ-Group", "bogus_group");
        var (status, body) = await h.SendAsync(bad);
        Assert.That((status, body["error"]!.Value<string>("message")), Is.EqualTo((401, "Invalid Authorization Group bogus_group specified")));
    }

    [Test]
    public async Task Fact20_RoleCheck_PrecedesRecordLookup()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.PostAsync("api/container_images/999999", new { action = "scan" }, ConventionsTests.Auditor);
        Assert.That((status, body["error"]!.Value<string>("message")), Is.EqualTo((403, "Use of Action scan is forbidden")));
        var read = await h.GetAsync("api/policies", ConventionsTests.Auditor);
        Assert.That((read.Status, read.Body["error"]!.Value<string>("message")), Is.EqualTo((403, "Use of the read action is forbidden")));
    }

    private static async Task<int> WithToken(EmulatorHarness h, string token, bool skipRenewal)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/container_images");
        request.Headers.Authorization = null;
        request.Headers.Add("X-Auth-Token", token);
        if (skipRenewal)
        {
            request.Headers.Add("X-Auth-Skip-Token-Renewal", "true");
        }

        h.Http.DefaultRequestHeaders.Authorization = null;
        try
        {
            return (await h.SendAsync(request)).Status;
        }
        finally
        {
            h.Http.DefaultRequestHeaders.Authorization = EmulatorHarness.Basic("admin", "smartvm");
        }
    }

    internal static AuthenticationHeaderValue Admin => EmulatorHarness.Basic("admin", "smartvm");
}
