using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ManageIQ.OpenScap.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Images.Tests.Registry;

/// <summary>
/// A registry on Kestrel (127.0.0.1:0) that misbehaves on purpose: Bearer token authentication
/// with realm/service/scope (the realm optionally on another server), blobs cut off mid-transfer,
/// corrupted blobs, transient 503s, bodies that stall after the headers.
/// Serves one image as <c>test/app:1</c>, and by any <c>sha512:</c> digest.
/// </summary>
internal sealed class FakeRegistry : IAsyncDisposable
{
    public const string Repository = "test/app";
    public const string Token = "fake-bearer-token";
    private readonly WebApplication _app;
    private readonly BuiltImage _image;
    private readonly ConcurrentDictionary<string, int> _blobRequests = new();
    private int _manifestFailuresLeft;
    private int _manifestRequests;

    private FakeRegistry(WebApplication app, BuiltImage image)
    {
        _app = app;
        _image = image;
    }

    public string Host { get; private set; } = string.Empty;

    public string Scheme { get; private set; } = "http";

    /// <summary>Basic credentials the token endpoint demands; null allows anonymous tokens.</summary>
    public (string User, string Password)? TokenCredentials { get; init; }

    /// <summary>Cut the largest layer off after half its bytes on this many requests.</summary>
    public int TruncateLayerTimes { get; set; }

    public bool CorruptLayer { get; set; }

    public int ManifestFailures
    {
        set => _manifestFailuresLeft = value;
    }

    /// <summary>Where the Bearer challenge's realm points (<c>host:port</c>); this server when null.</summary>
    public string? RealmAuthority { get; set; }

    public RegistryStall Stall { get; set; }

    public int ManifestRequests => _manifestRequests;

    public ConcurrentQueue<string> RangeHeaders { get; } = new();

    /// <summary>The Authorization header of each token request (empty when none was sent).</summary>
    public ConcurrentQueue<string> TokenAuthorizations { get; } = new();

    public ConcurrentQueue<string> TokenScopes { get; } = new();

    public BuiltLayer LargestLayer => _image.Layers.MaxBy(l => l.Size)!;

    public static async Task<FakeRegistry> StartAsync(BuiltImage image, (string User, string Password)? tokenCredentials = null, X509Certificate2? serverCertificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            if (serverCertificate is not null)
            {
                listen.UseHttps(serverCertificate);
            }
        }));
        var app = builder.Build();
        var registry = new FakeRegistry(app, image) { TokenCredentials = tokenCredentials };
        app.MapGet("/token", (Func<HttpContext, Task<IResult>>)registry.IssueTokenAsync);
        app.MapGet("/v2/", registry.Ping);
        app.MapMethods("/v2/test/app/manifests/{reference}", ["GET", "HEAD"], registry.ManifestAsync);
        app.MapGet("/v2/test/app/blobs/{digest}", registry.Blob);
        await app.StartAsync();
        var address = app.Urls.First();
        registry.Host = new Uri(address).Authority;
        registry.Scheme = new Uri(address).Scheme;
        return registry;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A request for <c>test/app</c> (<paramref name="suffix"/>: <c>:1</c> or <c>@digest</c>) over plain HTTP.</summary>
    public ImageAcquisitionRequest Request(string workDirectory, string suffix = ":1") => new()
    {
        Source = ImageSource.Parse($"{Host}/{Repository}{suffix}"),
        WorkDirectory = workDirectory,
        InsecureRegistries = ["http://" + Host],
    };

    private bool Authorized(HttpContext context, string? scope)
    {
        if (context.Request.Headers.Authorization.ToString() == "Bearer " + Token)
        {
            return true;
        }

        var challenge = $"Bearer realm=\"{Scheme}://{RealmAuthority ?? Host}/token\",service=\"fake-registry\"" + (scope is null ? string.Empty : $",scope=\"{scope}\"");
        context.Response.Headers.WWWAuthenticate = challenge;
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return false;
    }

    private IResult Ping(HttpContext context) => Authorized(context, null) ? Results.Json(new { }) : Results.Empty;

    private async Task<IResult> IssueTokenAsync(HttpContext context)
    {
        TokenScopes.Enqueue(context.Request.Query["scope"].ToString() + " service=" + context.Request.Query["service"]);
        TokenAuthorizations.Enqueue(context.Request.Headers.Authorization.ToString());
        if (TokenCredentials is { } expected)
        {
            var header = context.Request.Headers.Authorization.ToString();
            var wanted = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(expected.User + ":" + expected.Password));
            if (header != wanted)
            {
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }
        }

        if (Stall == RegistryStall.TokenBody)
        {
            await StallAfterHeadersAsync(context);
            return Results.Empty;
        }

        return context.Request.Query["scope"] == $"repository:{Repository}:pull"
            ? Results.Json(new { token = Token, expires_in = 300 })
            : Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    private async Task<IResult> ManifestAsync(HttpContext context, string reference)
    {
        Interlocked.Increment(ref _manifestRequests);
        if (!Authorized(context, $"repository:{Repository}:pull"))
        {
            return Results.Empty;
        }

        if (Stall == RegistryStall.ManifestBody)
        {
            await StallAfterHeadersAsync(context);
            return Results.Empty;
        }

        if (Interlocked.Decrement(ref _manifestFailuresLeft) >= 0)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var accepts = context.Request.Headers.Accept.ToString();
        if (!accepts.Contains(_image.ManifestMediaType, StringComparison.Ordinal))
        {
            return Results.Json(new { errors = new[] { new { code = "MANIFEST_UNKNOWN", message = "accept header does not support OCI manifests" } } }, statusCode: 404);
        }

        // Any sha512 digest is answered with the one manifest: a registry the client must not take at its word.
        return reference is "1" || reference == _image.ManifestDigest || reference.StartsWith("sha512:", StringComparison.Ordinal)
            ? Results.Bytes(_image.Manifest, _image.ManifestMediaType)
            : Results.Json(new { errors = new[] { new { code = "MANIFEST_UNKNOWN", message = "manifest unknown" } } }, statusCode: 404);
    }

    private async Task Blob(HttpContext context, string digest)
    {
        if (!Authorized(context, $"repository:{Repository}:pull"))
        {
            return;
        }

        var blob = digest == _image.ConfigDigest ? _image.Config : _image.Layers.FirstOrDefault(l => l.Digest == digest)?.Blob;
        if (blob is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        var isLargest = digest == LargestLayer.Digest;
        if (isLargest && CorruptLayer)
        {
            blob = (byte[])blob.Clone();
            blob[blob.Length / 2] ^= 0xFF;
        }

        var count = _blobRequests.AddOrUpdate(digest, 1, (_, n) => n + 1);
        long start = 0;
        if (RangeHeaderValue.TryParse(context.Request.Headers.Range.ToString(), out var range) && range.Ranges.First().From is { } from)
        {
            RangeHeaders.Enqueue(context.Request.Headers.Range.ToString());
            start = from;
            context.Response.StatusCode = StatusCodes.Status206PartialContent;
            context.Response.Headers.ContentRange = $"bytes {from}-{blob.Length - 1}/{blob.Length}";
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = blob.Length - start;
        context.Response.Headers.AcceptRanges = "bytes";
        if (isLargest && Stall == RegistryStall.LayerBody)
        {
            await context.Response.Body.WriteAsync(blob.AsMemory((int)start, (int)((blob.Length - start) / 2)));
            await context.Response.Body.FlushAsync();
            await WaitUntilAbortedAsync(context);
            return;
        }

        if (isLargest && count <= TruncateLayerTimes)
        {
            // Send part of what remains, then drop the connection.
            var part = (int)((blob.Length - start) / 2);
            await context.Response.Body.WriteAsync(blob.AsMemory((int)start, part));
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(blob.AsMemory((int)start));
    }

    private static async Task StallAfterHeadersAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = 4096;
        await context.Response.StartAsync();
        await context.Response.Body.FlushAsync();
        await WaitUntilAbortedAsync(context);
    }

    private static async Task WaitUntilAbortedAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as it should.
        }
    }
}
