using System.Net;
using System.Text.Json;
using ManageIQ.OpenScap.Inspector.CommandLine;
using ManageIQ.OpenScap.Inspector.Serving;
using ManageIQ.OpenScap.Scap;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Inspector.Tests.EndToEnd;

/// <summary>The inspector in serve mode over real HTTP: registry on loopback, real oscap, real content.</summary>
[CancelAfter(180_000)]
public class ServeModeTests
{
    private const string Token = "test-token-123";

    [Test]
    public async Task Serve_DebianImage_AnswersAtOnceThenServesResults()
    {
        using var directory = new TempDirectory();
        await using var app = ServeMode.Build(Settings(directory, TestImages.Debian, "--cve-url=" + TestImages.GzipFeed));
        await app.StartAsync();
        using var client = Client(app);

        // Listening at once: health answers while the scan runs.
        Assert.That(await client.GetStringAsync("healthz"), Is.EqualTo("ok\n"));
        using (var anonymous = new HttpClient { BaseAddress = client.BaseAddress })
        {
            using var refused = await anonymous.GetAsync("healthz");
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("must provide X-Auth-Token header"));
        }

        await WaitUntilReadyAsync(client);

        Assert.That(await client.GetStringAsync("api"), Is.EqualTo("{\n  \"versions\": [\n    \"v1\"\n  ]\n}").Or.EqualTo("{\"versions\":[\"v1\"]}").Or.Contains("\"v1\""));
        using var metadata = JsonDocument.Parse(await client.GetStringAsync("api/v1/metadata"));
        var m = metadata.RootElement;
        Assert.That(m.GetProperty("ImageAcquireError").GetString(), Is.Empty);
        Assert.That(m.GetProperty("OpenSCAP").GetProperty("Status").GetString(), Is.EqualTo("Success"), m.ToString());
        Assert.That(m.GetProperty("OpenSCAP").GetProperty("ContentTimeStamp").GetString(), Does.Match(@"^\w+day, \d\d-\w\w\w-\d\d \d\d:\d\d:\d\d UTC$"));
        Assert.That(m.GetProperty("Id").GetString(), Is.EqualTo(TestImages.DebianConfigDigest));
        Assert.That(m.GetProperty("RepoDigests").EnumerateArray().Select(e => e.GetString()), Has.Some.EndsWith("@" + TestImages.DebianManifestDigest));
        var report = m.GetProperty("Report");
        Assert.That(report.GetProperty("Distribution").GetProperty("Id").GetString(), Is.EqualTo("debian"));
        Assert.That(report.GetProperty("Content").GetProperty("DataStream").GetString(), Is.EqualTo("ssg-debian12-ds.xml"));
        Assert.That(report.GetProperty("Content").GetProperty("CveFeedMode").GetString(), Is.EqualTo("local-files"));
        Assert.That(report.GetProperty("Image").GetProperty("ManifestDigest").GetString(), Is.EqualTo(TestImages.DebianManifestDigest));
        Assert.That(m.GetProperty("Progress").GetProperty("Stage").GetString(), Is.EqualTo("Finished"));

        using var arf = await client.GetAsync("api/v1/openscap");
        Assert.That(arf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(arf.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/xml"));
        Assert.That(await arf.Content.ReadAsStringAsync(), Does.Contain("asset-report-collection").And.Contain(TestImages.Debian));
        using var html = await client.GetAsync("api/v1/openscap-report");
        Assert.That(html.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await html.Content.ReadAsStringAsync(), Does.Contain("<html").IgnoreCase);
        var summary = ScapSummaryJson.Deserialize(await client.GetStringAsync("api/v1/summary"));
        Assert.That(summary.Cves.Select(c => c.Id), Does.Contain("CVE-2024-5535"));
        Assert.That(File.Exists(Path.Combine(directory.Combine("results"), "results-arf.xml")), Is.True);
        Assert.That(File.Exists(Path.Combine(directory.Combine("work"), "image", "rootfs", "etc", "to-be-deleted")), Is.False, "the whiteout of layer 2 was applied");
    }

    [Test]
    public async Task Serve_UnknownImage_ReportsImageAcquireError()
    {
        using var directory = new TempDirectory();
        await using var app = ServeMode.Build(Settings(directory, TestImages.Registry.Host + "/test/absent:1"));
        await app.StartAsync();
        using var client = Client(app);
        await WaitUntilReadyAsync(client);

        using var metadata = JsonDocument.Parse(await client.GetStringAsync("api/v1/metadata"));
        Assert.That(metadata.RootElement.GetProperty("ImageAcquireError").GetString(), Does.Contain("test/absent"));
        Assert.That(metadata.RootElement.GetProperty("OpenSCAP").GetProperty("Status").GetString(), Is.EqualTo("NotRequested"));
        using var arf = await client.GetAsync("api/v1/openscap");
        Assert.That(arf.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await arf.Content.ReadAsStringAsync(), Is.EqualTo("OpenSCAP option was not chosen\n"));
    }

    [Test]
    public async Task Serve_DistributionWithoutContent_AnswersOpenScapError()
    {
        using var directory = new TempDirectory();
        await using var app = ServeMode.Build(Settings(directory, TestImages.Alpine));
        await app.StartAsync();
        using var client = Client(app);
        await WaitUntilReadyAsync(client);

        using var arf = await client.GetAsync("api/v1/openscap");
        Assert.That(arf.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await arf.Content.ReadAsStringAsync(), Is.EqualTo("OpenSCAP Error: no SCAP content for alpine 3.19.1\n"));
        using var report = await client.GetAsync("api/v1/openscap-report");
        Assert.That(report.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        using var metadata = JsonDocument.Parse(await client.GetStringAsync("api/v1/metadata"));
        Assert.That(metadata.RootElement.GetProperty("OpenSCAP").GetProperty("Status").GetString(), Is.EqualTo("Error"));
        Assert.That(metadata.RootElement.GetProperty("Report").GetProperty("Distribution").GetProperty("PrettyName").GetString(), Is.EqualTo("Alpine Linux v3.19"));
    }

    [Test]
    public async Task Serve_HtmlReportFails_StillServesMetadataArfAndSummary()
    {
        using var directory = new TempDirectory();
        var config = directory.Combine("inspector.json");
        File.WriteAllText(config, $$"""{ "OpenScap": { "Executable": "{{WriteOscapFailingReports(directory)}}" } }""");
        await using var app = ServeMode.Build(Settings(directory, TestImages.Debian, "--config=" + config));
        await app.StartAsync();
        using var client = Client(app);
        await WaitUntilReadyAsync(client);

        using var report = await client.GetAsync("api/v1/openscap-report");
        Assert.That(report.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await report.Content.ReadAsStringAsync(), Does.Contain("HTML report failed").And.Contain("scripted report failure"));
        using var metadata = await client.GetAsync("api/v1/metadata");
        Assert.That(metadata.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var m = JsonDocument.Parse(await metadata.Content.ReadAsStringAsync());
        Assert.That(m.RootElement.GetProperty("OpenSCAP").GetProperty("Status").GetString(), Is.EqualTo("Success"));
        Assert.That(m.RootElement.GetProperty("HtmlReport").GetString(), Does.Contain("HTML report failed"));
        using var arf = await client.GetAsync("api/v1/openscap");
        Assert.That(arf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await arf.Content.ReadAsStringAsync(), Does.Contain("asset-report-collection"));
        using var summary = await client.GetAsync("api/v1/summary");
        Assert.That(summary.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ScapSummaryJson.Deserialize(await summary.Content.ReadAsStringAsync()).RuleResults, Is.GreaterThan(0));
    }

    [Test]
    public async Task Serve_ReadinessProbe_NeedsNoToken()
    {
        using var directory = new TempDirectory();
        await using var app = ServeMode.Build(Settings(directory, TestImages.Alpine));
        await app.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = ServeMode.ListeningAddress(app), Timeout = TimeSpan.FromSeconds(30) };
        using var client = Client(app);
        await WaitUntilReadyAsync(client);

        using var ready = await anonymous.GetAsync("readyz");
        using var metadata = await anonymous.GetAsync("api/v1/metadata");

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the kubelet's probe carries no token");
        Assert.That(await ready.Content.ReadAsStringAsync(), Is.EqualTo("ready\n"));
        Assert.That(metadata.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "everything else still needs it");
    }

    /// <summary>The real oscap for everything but <c>xccdf generate report</c>, which fails as a broken oscap would.</summary>
    private static string WriteOscapFailingReports(TempDirectory directory)
    {
        var real = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "oscap")).First(File.Exists);
        var script = directory.Combine("oscap-failing-reports");
        File.WriteAllText(script, $"""
            #!/bin/sh
            if [ "$1" = xccdf ] && [ "$2" = generate ] && [ "$3" = report ]; then
              echo 'OpenSCAP Error: scripted report failure' >&2
              exit 1
            fi
            exec {real} "$@"

            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }

    private static InspectorSettings Settings(TempDirectory directory, string image, params string[] extra)
    {
        var token = directory.Combine("token");
        File.WriteAllText(token, Token);
        var flags = new InspectorFlags();
        var root = new System.CommandLine.RootCommand();
        flags.AddTo(root);
        string[] args =
        [
            "--image=" + image, "--scan-type=openscap", "--serve=127.0.0.1:0", "--insecure-registry=" + TestImages.Registry.Host, "--work-dir=" + directory.Combine("work"),
            "--scan-results-dir=" + directory.Combine("results"), "--cve-cache-dir=" + directory.Combine("cve-cache"), "--openscap-html-report", "--auth-token-file=" + token, .. extra,
        ];
        return flags.ToSettings(root.Parse(args));
    }

    private static HttpClient Client(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        var client = new HttpClient { BaseAddress = ServeMode.ListeningAddress(app), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Auth-Token", Token);
        return client;
    }

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(150);
        while (DateTime.UtcNow < deadline)
        {
            using var ready = await client.GetAsync("readyz");
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            await Task.Delay(200);
        }

        Assert.Fail("the inspector did not become ready");
    }
}
