using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ManageIQ.OpenScap.Scap;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Kubernetes.FakeApi;

/// <summary>
/// A loopback stand-in for the inspector's HTTP API (image-inspector's endpoints): what a scanning pod serves once
/// its scan is done. The metadata <c>Id</c> echoes the pod's <c>manageiq.org/image-id</c> forwarded by the fake proxy.
/// </summary>
public sealed class FakeInspectorServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int unauthorized;

    private FakeInspectorServer(WebApplication app) => this.app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary><c>Success</c>, <c>Error</c>, <c>Running</c> or <c>NotRequested</c>.</summary>
    public string OpenScapStatus { get; set; } = "Success";

    public string OpenScapErrorMessage { get; set; } = "";

    /// <summary>Set to make the inspector report it could not get the image.</summary>
    public string ImageAcquireError { get; set; } = "";

    /// <summary>Overrides the image id the inspector reports (for mismatch tests).</summary>
    public string? ImageIdOverride { get; set; }

    /// <summary>Size of the streamed ARF document.</summary>
    public long ArfBytes { get; set; } = 64 * 1024;

    public bool ServesHtmlReport { get; set; } = true;

    /// <summary>Size of the served HTML report (at least the bare page).</summary>
    public long HtmlReportBytes { get; set; }

    /// <summary>What <c>/api/v1/summary</c> serves (the JSON of <see cref="ScapSummaryJson"/>).</summary>
    public ScapSummary Summary { get; set; } = new()
    {
        Kind = ScapResultKind.Arf,
        Target = "fake-image",
        RuleResults = 130,
        Results = new Dictionary<string, int>(StringComparer.Ordinal) { ["pass"] = 120, ["fail"] = 6, ["notapplicable"] = 4 },
        FailedBySeverity = new ScapSeverityCounts(High: 1, Medium: 2, Low: 2, Info: 0, Unknown: 1),
    };

    /// <summary>Requests refused for a wrong or missing <c>X-Auth-Token</c>.</summary>
    public int Unauthorized => Volatile.Read(ref unauthorized);

    /// <summary>Metadata answered with this body verbatim when set (garbage tests).</summary>
    public string? RawMetadata { get; set; }

    public static async Task<FakeInspectorServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var server = new FakeInspectorServer(builder.Build());
        server.Map();
        await server.app.StartAsync();
        server.BaseUri = new Uri(server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using (var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await app.StopAsync(bounded.Token);
        }

        await app.DisposeAsync();
    }

    private void Map()
    {
        app.Use(async (context, next) =>
        {
            // The token the pod was started with (forwarded by the fake proxy) must match the caller's, as in the
            // inspector; /readyz, the kubelet's probe, is served without it.
            var expected = context.Request.Headers["X-Fake-Expected-Token"].FirstOrDefault();
            if (expected is not null && context.Request.Path != "/readyz" && context.Request.Headers["X-Auth-Token"].FirstOrDefault() != expected)
            {
                Interlocked.Increment(ref unauthorized);
                context.Response.StatusCode = 401;
                return;
            }

            await next(context);
        });
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", () => Results.Text("ok\n"));
        app.MapGet("/api/v1/metadata", (HttpContext c) => Results.Text(RawMetadata ?? Metadata(c), "application/json"));
        app.MapGet("/api/v1/openscap", StreamArfAsync);
        app.MapGet("/api/v1/openscap-report", () => ServesHtmlReport
            ? Results.Text(HtmlReport(), "text/html")
            : Results.NotFound("OpenSCAP HTML report was not requested"));
        app.MapGet("/api/v1/summary", () => Results.Text(ScapSummaryJson.Serialize(Summary), ScapSummaryJson.MediaType));
    }

    private string HtmlReport()
    {
        const string page = "<!DOCTYPE html><html><body><h1>OpenSCAP Evaluation Report</h1></body></html>";
        return HtmlReportBytes <= page.Length ? page : page + new string(' ', (int)(HtmlReportBytes - page.Length));
    }

    private string Metadata(HttpContext context)
    {
        var id = ImageIdOverride ?? context.Request.Headers["X-Fake-Image-Id"].FirstOrDefault() ?? "sha256:unknown";
        return new JsonObject
        {
            [nameof(ImageAcquireError)] = ImageAcquireError,
            ["Id"] = id,
            ["RepoDigests"] = new JsonArray($"registry.example/app@{id}"),
            ["OpenSCAP"] = new JsonObject { ["Status"] = OpenScapStatus, ["ErrorMessage"] = OpenScapErrorMessage, ["ContentTimeStamp"] = "2026-11-01T00:00:00Z" },
        }.ToJsonString();
    }

    private async Task StreamArfAsync(HttpContext context)
    {
        if (OpenScapStatus != "Success")
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync($"OpenSCAP Error: {OpenScapErrorMessage}");
            return;
        }

        context.Response.ContentType = "application/xml";
        var head = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<arf:asset-report-collection xmlns:arf=\"http://scap.nist.gov/schema/asset-reporting-format/1.1\">\n");
        var tail = Encoding.UTF8.GetBytes("</arf:asset-report-collection>\n");
        var filler = Encoding.UTF8.GetBytes(new string(' ', 8191) + "\n");
        context.Response.ContentLength = Math.Max(ArfBytes, head.Length + tail.Length);
        await context.Response.Body.WriteAsync(head, context.RequestAborted);
        var remaining = context.Response.ContentLength.Value - head.Length - tail.Length;
        while (remaining > 0)
        {
            var n = (int)Math.Min(remaining, filler.Length);
            await context.Response.Body.WriteAsync(filler.AsMemory(0, n), context.RequestAborted);
            remaining -= n;
        }

        await context.Response.Body.WriteAsync(tail, context.RequestAborted);
    }
}
