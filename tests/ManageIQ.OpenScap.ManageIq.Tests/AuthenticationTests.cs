using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.ManageIq.Errors;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Tests;

[CancelAfter(60_000)]
public sealed class AuthenticationTests
{
    [Test]
    public async Task Calls_FirstCall_AuthenticatesOnceWithBasicThenUsesToken()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.Client.GetContainerImageAsync(1);
        await ClientHarness.ToListAsync(h.Client.GetContainerProvidersAsync());
        await h.Client.ScanContainerImageAsync(1);
        var requests = h.Emulator.Requests.All;
        Assert.That(requests.Select(r => (r.Method, r.Path, r.Auth)), Is.EqualTo(new[]
        {
            ("GET", "/api/auth", "basic"),
            ("GET", "/api/container_images/1", "token"),
            ("GET", "/api/providers", "token"),
            ("POST", "/api/container_images/1", "token"),
        }));
    }

    [Test]
    public async Task Calls_TokenNearExpiry_RenewsBeforeUsingIt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var h = await ClientHarness.StartAsync(
            configure: o => o.TokenRenewalMargin = TimeSpan.FromSeconds(60),
            emulatorOptions: new EmulatorOptions { TimeProvider = time },
            time: time);
        await h.Client.GetContainerImageAsync(1);
        time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(30));
        await h.Client.GetContainerImageAsync(1);

        var requests = h.Emulator.Requests.All;
        Assert.That(requests.Select(r => (r.Path, r.Status)), Is.EqualTo(new[]
        {
            ("/api/auth", 200), ("/api/container_images/1", 200), ("/api/auth", 200), ("/api/container_images/1", 200),
        }), "renewed within the margin, so no request was refused");
    }

    [Test]
    public async Task Calls_TokenUsedRegularly_SlidingExpiryNeedsNoRenewal()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var h = await ClientHarness.StartAsync(emulatorOptions: new EmulatorOptions { TimeProvider = time }, time: time);
        for (var i = 0; i < 4; i++)
        {
            await h.Client.GetContainerImageAsync(1);
            time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.That(h.Emulator.Requests.Matching("GET", "/api/auth"), Has.Count.EqualTo(1), "each use renewed the token on both sides");
        Assert.That(h.Emulator.Requests.All.Count(r => r.Status == 401), Is.Zero);
    }

    [Test]
    public async Task Calls_TokenExpiredOnServer_ReauthenticatesOnceAndRetries()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.Client.GetContainerImageAsync(1);
        h.Emulator.Faults.ExpireTokensBeforeNext("GET", "/api/container_images");
        var image = await h.Client.GetContainerImageAsync(2);
        Assert.That(image.Id, Is.EqualTo(2));
        Assert.That(h.Emulator.Requests.All.Skip(2).Select(r => (r.Path, r.Status)), Is.EqualTo(new[]
        {
            ("/api/container_images/2", 401), ("/api/auth", 200), ("/api/container_images/2", 200),
        }));
    }

    [Test]
    public async Task Calls_StillUnauthorizedAfterReauthentication_ThrowsAfterOneRetry()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Emulator.Faults.Add(new Emulator.Faults.FaultRule(Emulator.Faults.FaultKind.ExpireTokens, "GET", "/api/container_images", Times: 5));
        var e = Assert.ThrowsAsync<ManageIqApiException>(() => h.Client.GetContainerImageAsync(1));
        Assert.That((e!.StatusCode, e.Kind), Is.EqualTo((HttpStatusCode.Unauthorized, "unauthorized")));
        Assert.That(h.Emulator.Requests.Matching("GET", "/api/auth"), Has.Count.EqualTo(2));
        Assert.That(h.Emulator.Requests.Matching("GET", "/api/container_images"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Calls_WrongPassword_ThrowsUnauthorizedWithoutThePassword()
    {
        await using var h = await ClientHarness.StartAsync(configure: o => o.Password = "not-the-Passw0rd");
        var e = Assert.ThrowsAsync<ManageIqApiException>(() => h.Client.GetContainerImageAsync(1));
        Assert.That(e!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(e.ToString(), Does.Not.Contain("not-the-Passw0rd"));
        Assert.That(h.Emulator.Requests.Count, Is.EqualTo(1), "a bad password is not retried");
    }

    [Test]
    public async Task Calls_Group_IsSentEscapedAndSelectsTheGroup()
    {
        await using var h = await ClientHarness.StartAsync(configure: o => o.Group = "EvmGroup-super_administrator");
        Assert.That((await h.Client.GetContainerImageAsync(1)).Id, Is.EqualTo(1));
    }

    [Test]
    public async Task Calls_UnknownGroup_ThrowsUnauthorizedNamingTheGroup()
    {
        await using var h = await ClientHarness.StartAsync(configure: o => o.Group = "No Such Group");
        var e = Assert.ThrowsAsync<ManageIqApiException>(() => h.Client.GetContainerImageAsync(1));
        Assert.That(e!.ServerMessage, Is.EqualTo("Invalid Authorization Group No Such Group specified"));
    }

    [Test]
    public async Task Calls_PreIssuedToken_UsedWithoutAuthenticating()
    {
        await using var h = await ClientHarness.StartAsync();
        var token = await IssueTokenAsync(h.Emulator);
        await using var services = ClientHarness.Build(h.Emulator.BaseUri, o =>
        {
            o.User = null;
            o.Password = null;
            o.Token = token;
        });
        var client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IManageIqClient>(services);
        Assert.That((await client.GetContainerImageAsync(3)).Id, Is.EqualTo(3));
        Assert.That(h.Emulator.Requests.All.Select(r => (r.Path, r.Auth)), Is.EqualTo(new[] { ("/api/auth", "basic"), ("/api/container_images/3", "token") }),
            "only the test's own token request authenticated with Basic");
    }

    [Test]
    public async Task Calls_PreIssuedTokenRejectedWithoutPassword_ThrowsWithoutTheToken()
    {
        const string token = "0123456789abcdef0123456789abcdef";
        await using var h = await ClientHarness.StartAsync(configure: o =>
        {
            o.User = null;
            o.Password = null;
            o.Token = token;
        });
        var e = Assert.ThrowsAsync<ManageIqApiException>(() => h.Client.GetContainerImageAsync(1));
        Assert.That(e!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(e.ServerMessage, Is.EqualTo("Invalid Authentication Token [redacted] specified"));
        Assert.That(e.ToString(), Does.Not.Contain(token));
    }

    [Test]
    public async Task Calls_PreIssuedTokenRejectedWithPassword_FallsBackToBasic()
    {
        await using var h = await ClientHarness.StartAsync(configure: o => o.Token = "ffffffffffffffffffffffffffffffff");
        Assert.That((await h.Client.GetContainerImageAsync(1)).Id, Is.EqualTo(1));
        Assert.That(h.Emulator.Requests.All.Select(r => (r.Path, r.Status)), Is.EqualTo(new[]
        {
            ("/api/container_images/1", 401), ("/api/auth", 200), ("/api/container_images/1", 200),
        }));
    }

    [Test]
    public async Task Calls_PasswordFromFile_Authenticates()
    {
        using var dir = new OpenScap.Testing.TempDirectory();
        var file = dir.Combine("password");
        await File.WriteAllTextAsync(file, "smartvm\n");
        await using var h = await ClientHarness.StartAsync(configure: o =>
        {
            o.Password = null;
            o.PasswordFile = file;
        });
        Assert.That((await h.Client.GetContainerImageAsync(1)).Id, Is.EqualTo(1));
    }

    private static async Task<string> IssueTokenAsync(ManageIqEmulator emulator)
    {
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:smartvm")));
        return JObject.Parse(await http.GetStringAsync(new Uri("api/auth", UriKind.Relative))).Value<string>("auth_token")!;
    }
}
