using System.Net;
using System.Text;
using ManageIQ.OpenScap.ManageIq.Emulator.Faults;
using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using ManageIQ.OpenScap.ManageIq.Emulator.Recording;
using ManageIQ.OpenScap.ManageIq.Emulator.Rendering;
using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Control;

/// <summary>
/// The routes under <c>/emulator</c> (<c>bridge emulator --control</c>) that steer the emulator from another
/// process: its request log, its faults, and images appearing and being archived as a provider refresh would do.
/// They need no credentials, are never faulted and are not recorded (docs/emulator.md).
/// </summary>
internal sealed class ControlRouter
{
    public const string Prefix = "/emulator";

    /// <summary>Control bodies are small JSON objects; anything longer is refused before it is parsed.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private readonly EmulatorStore _store;
    private readonly FaultInjector _faults;
    private readonly RequestLog _log;

    public ControlRouter(EmulatorStore store, FaultInjector faults, RequestLog log)
    {
        _store = store;
        _faults = faults;
        _log = log;
    }

    public static bool Owns(string path) => path == Prefix || path.StartsWith(Prefix + "/", StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext http, string path)
    {
        ApiResult result;
        try
        {
            var body = ControlBody.Parse(await ReadBodyAsync(http));
            result = Route(http, path, body);
        }
        catch (ControlException e)
        {
            result = Error(e);
        }

        await ResultWriter.WriteAsync(http, result);
    }

    private ApiResult Route(HttpContext http, string path, JObject body)
    {
        var segments = path[Prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (http.Request.Method, segments) switch
        {
            ("GET", ["requests"]) => ApiResult.Ok(new JArray(_log.All.Select(RequestLogDocument.Render))),
            ("DELETE", ["requests"]) => Cleared(_log.Clear),
            ("GET", ["faults"]) => ApiResult.Ok(new JArray(_faults.Pending().Select(p => FaultDocument.Render(p.Rule, p.Left)))),
            ("POST", ["faults"]) => AddFault(body),
            ("DELETE", ["faults"]) => Cleared(_faults.Clear),
            ("POST", ["container_images"]) => AddImage(http, body),
            ("POST", ["container_images", var id, "archive"]) => Archive(http, id, body),
            _ => ApiResult.RoutingError(http.Request.Method, path),
        };
    }

    private ApiResult AddFault(JObject body)
    {
        var rule = FaultDocument.Parse(body);
        _faults.Add(rule);
        return ApiResult.Ok(FaultDocument.Render(rule, rule.Times));
    }

    private ApiResult AddImage(HttpContext http, JObject body)
    {
        lock (_store.Gate)
        {
            var row = _store.ContainerImages.Add(ImageDocument.NewRow(body, _store));
            return ApiResult.Ok(Render(http, row));
        }
    }

    /// <summary>Sets <c>deleted_on</c> as a refresh does for an image gone from the provider; an archived image keeps its first date.</summary>
    private ApiResult Archive(HttpContext http, string id, JObject body)
    {
        ControlBody.RejectUnknown(body, []);
        lock (_store.Gate)
        {
            var row = ImageDocument.Find(_store, id);
            if (row["deleted_on"] is null or { Type: JTokenType.Null })
            {
                row["deleted_on"] = _store.Now();
                _store.ContainerImages.Touch();
            }

            return ApiResult.Ok(Render(http, row));
        }
    }

    /// <summary>The image as <c>GET /api/container_images/{id}</c> shows it, without actions.</summary>
    private JObject Render(HttpContext http, JObject row)
    {
        var apiBase = $"{http.Request.Scheme}://{http.Request.Host}/api";
        var context = new ApiContext(http, _store, [], apiBase, string.Empty);
        var href = context.Href(Collections.ContainerImages.Name, row.Value<long>("id"));
        return Renderer.Resource(context, Collections.ContainerImages, row, href, AttributeSelection.Full with { WantsActions = false });
    }

    private static ApiResult Cleared(Action clear)
    {
        clear();
        return ApiResult.NoContent();
    }

    private static ApiResult Error(ControlException error) => new(error.Status, new JObject
    {
        ["error"] = new JObject
        {
            ["kind"] = error.Status == HttpStatusCode.NotFound ? "not_found" : "bad_request",
            ["message"] = error.Message,
            ["field"] = error.Field,
        },
    });

    private static async Task<string> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new ControlException(HttpStatusCode.BadRequest, "The body is not UTF-8 text.");
        }
    }

    private static ControlException TooLarge() => new(HttpStatusCode.RequestEntityTooLarge, $"A control body is at most {MaxBodyBytes} bytes.");
}
