using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Scanner.Tests;

/// <summary>
/// A CVE feed server on 127.0.0.1:0 (Kestrel): serves one file with an ETag and Last-Modified and answers
/// 304 to a matching If-None-Match, recording every request's validators.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FeedServer(WebApplication app, byte[] content, string etag)
    {
        this.app = app;
        Content = content;
        ETag = etag;
    }

    public byte[] Content { get; set; }

    /// <summary>Files served under their own names instead of <see cref="Content"/>, each with the ETag <c>"NAME-HASH"</c> of its content.</summary>
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public string ETag { get; set; }

    public DateTimeOffset LastModified { get; } = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Answer every request with this status instead (e.g. 500).</summary>
    public int? ForcedStatus { get; set; }

    /// <summary>One entry per request: the If-None-Match it sent (empty when none) and the status answered.</summary>
    public ConcurrentQueue<(string IfNoneMatch, int Status)> Requests { get; } = new();

    /// <summary>The User-Agent of every request, in order.</summary>
    public ConcurrentQueue<string> UserAgents { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public Uri FeedUri(string fileName) => new(BaseAddress, "feeds/" + fileName);

    public static async Task<FeedServer> StartAsync(byte[] content, string etag = "\"v1\"")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FeedServer(app, content, etag);
        app.MapGet("/feeds/{name}", (HttpContext context) => server.Answer(context));
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task Answer(HttpContext context)
    {
        var name = (string)context.Request.RouteValues["name"]!;
        var (content, etag) = Files.TryGetValue(name, out var file) ? (file, $"\"{name}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file))[..8]}\"") : (Content, ETag);
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        int status;
        if (ForcedStatus is { } forced)
        {
            status = forced;
        }
        else if (ifNoneMatch == etag)
        {
            status = StatusCodes.Status304NotModified;
        }
        else
        {
            status = StatusCodes.Status200OK;
        }

        Requests.Enqueue((ifNoneMatch, status));
        UserAgents.Enqueue(context.Request.Headers.UserAgent.ToString());
        context.Response.StatusCode = status;
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = LastModified.ToString("R");
        if (status == StatusCodes.Status200OK)
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(content);
        }
    }
}
