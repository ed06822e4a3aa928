using System.Net;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Http;

/// <summary>
/// What a handler answers. Handlers return a result instead of writing the response so that a fault
/// injected after handling can throw the answer away (the write happened, the client never hears).
/// </summary>
public sealed record ApiResult(HttpStatusCode Status, JToken? Json, string? Text = null, string ContentType = "application/json; charset=utf-8")
{
    public static ApiResult Ok(JToken json) => new(HttpStatusCode.OK, json);

    public static ApiResult NoContent() => new(HttpStatusCode.NoContent, null, null, string.Empty);

    public static ApiResult Plain(string text) => new(HttpStatusCode.OK, null, text, "application/json; charset=utf-8");

    public static ApiResult Error(ApiException error) => new(error.Status, new JObject
    {
        ["error"] = new JObject
        {
            ["kind"] = error.Kind,
            ["message"] = error.Message,
            ["klass"] = error.Klass,
        },
    });

    /// <summary>Rails' routing error page: not the JSON envelope (manageiq-api issue #265).</summary>
    public static ApiResult RoutingError(string method, string path) => new(
        HttpStatusCode.NotFound,
        null,
        $"<!DOCTYPE html><html><head><title>Action Controller: Exception caught</title></head><body><h1>Routing Error</h1><p>No route matches [{method}] \"{System.Net.WebUtility.HtmlEncode(path)}\"</p></body></html>",
        "text/html; charset=utf-8");
}
