using System.Net;
using System.Text;
using ManageIQ.OpenScap.ManageIq.Emulator.Auth;
using ManageIQ.OpenScap.ManageIq.Emulator.Control;
using ManageIQ.OpenScap.ManageIq.Emulator.Faults;
using ManageIQ.OpenScap.ManageIq.Emulator.Handlers;
using ManageIQ.OpenScap.ManageIq.Emulator.Recording;
using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Http;

/// <summary>
/// The emulator's only endpoint: applies faults, authenticates, dispatches to a handler under the store's
/// lock, renders errors in ManageIQ's envelope and records every request. The control routes, when on,
/// are passed to <see cref="ControlRouter"/> untouched by faults and unrecorded.
/// </summary>
internal sealed class ApiRouter
{
    private readonly EmulatorStore _store;
    private readonly TokenStore _tokens;
    private readonly Authenticator _authenticator;
    private readonly FaultInjector _faults;
    private readonly RequestLog _log;
    private readonly int _maxPage;

    // The /emulator routes, or null when they are off (those paths are then unknown, as any other).
    private readonly ControlRouter? _control;

    public ApiRouter(EmulatorStore store, TokenStore tokens, FaultInjector faults, RequestLog log, int maxResultsPerPage, ControlRouter? control)
    {
        _control = control;
        _store = store;
        _tokens = tokens;
        _authenticator = new Authenticator(tokens);
        _faults = faults;
        _log = log;
        _maxPage = maxResultsPerPage;
    }

    /// <summary>The version the entrypoint reports and a version segment must name.</summary>
    public string ApiVersion { get; init; } = EntrypointHandler.DefaultVersion;

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var path = request.Path.Value ?? "/";
        if (_control is not null && ControlRouter.Owns(path))
        {
            await _control.HandleAsync(http, path);
            return;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var query = request.QueryString.Value ?? string.Empty;
        var auth = "none";

        var before = _faults.Take(request.Method, path, query, FaultKind.Status, FaultKind.Delay, FaultKind.DropConnection, FaultKind.ExpireTokens);
        switch (before?.Kind)
        {
            case FaultKind.DropConnection:
                Record(http, path, 0, auth, before.Label, body);
                http.Abort();
                return;
            case FaultKind.Status:
                Record(http, path, (int)before.Status, auth, before.Label, body);
                await ResultWriter.WriteAsync(http, new ApiResult(before.Status, null, $"<html><body><h1>{(int)before.Status} {before.Status}</h1></body></html>", "text/html"));
                return;
            case FaultKind.Delay when !await WaitAsync(before.Delay, http):
                Record(http, path, 0, auth, before.Label, body);
                return;
            case FaultKind.ExpireTokens:
                _tokens.ExpireAll();
                break;
        }

        ApiResult result;
        lock (_store.Gate)
        {
            result = Dispatch(http, path, body, ref auth);
        }

        var after = _faults.Take(request.Method, path, query, FaultKind.DropAfterHandling, FaultKind.DelayAfterHandling);
        switch (after?.Kind)
        {
            case FaultKind.DropAfterHandling:
                Record(http, path, 0, auth, after.Label, body);
                http.Abort();
                return;
            case FaultKind.DelayAfterHandling:
                // Recorded once handled, before the answer is held: a test sees "applied, not yet answered" in the log.
                Record(http, path, (int)result.Status, auth, after.Label, body);
                if (await WaitAsync(after.Delay, http))
                {
                    await ResultWriter.WriteAsync(http, result);
                }

                return;
        }

        Record(http, path, (int)result.Status, auth, before?.Label, body);
        await ResultWriter.WriteAsync(http, result);
    }

    /// <summary>Waits <paramref name="delay"/>; false when the client went away first.</summary>
    private static async Task<bool> WaitAsync(TimeSpan delay, HttpContext http)
    {
        try
        {
            await Task.Delay(delay, http.RequestAborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private ApiResult Dispatch(HttpContext http, string path, string body, ref string auth)
    {
        try
        {
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (segments.Count == 0 || segments[0] != "api")
            {
                throw new RoutingException();
            }

            segments.RemoveAt(0);
            var apiBase = $"{http.Request.Scheme}://{http.Request.Host}/api";
            if (segments.Count > 0 && segments[0].Length > 1 && segments[0][0] == 'v' && char.IsAsciiDigit(segments[0][1]))
            {
                var version = segments[0][1..];
                if (version != ApiVersion)
                {
                    throw ApiException.BadRequest($"Unsupported API Version {version} specified");
                }

                apiBase += "/" + segments[0];
                segments.RemoveAt(0);
            }

            CheckAccept(http.Request);
            var context = new ApiContext(http, _store, segments, apiBase, body) { ApiVersion = ApiVersion };
            if (http.Request.Method == "GET" && segments is ["ping"])
            {
                return new ApiResult(HttpStatusCode.OK, null, "pong", "text/plain; charset=utf-8");
            }

            if (http.Request.Method == "GET" && segments is ["product_info"])
            {
                return ApiResult.Ok(EntrypointHandler.ProductInfo());
            }

            auth = _authenticator.Authenticate(context);
            return Route(context);
        }
        catch (ApiException e)
        {
            return ApiResult.Error(e);
        }
        catch (RoutingException)
        {
            return ApiResult.RoutingError(http.Request.Method, path);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidCastException or JsonException or ArgumentException)
        {
            return ApiResult.Error(new ApiException(HttpStatusCode.InternalServerError, e.Message, e.GetType().Name));
        }
    }

    private ApiResult Route(ApiContext c)
    {
        var s = c.Segments;
        var method = c.Method;
        if (s.Count == 0)
        {
            return method == "GET" ? EntrypointHandler.Index(c) : throw new RoutingException();
        }

        if (s is ["auth"])
        {
            return method switch
            {
                "GET" => AuthHandler.Issue(c, _tokens),
                "DELETE" => AuthHandler.Revoke(c, _tokens),
                _ => throw new RoutingException(),
            };
        }

        var definition = Collections.Find(s[0]) ?? throw new RoutingException();
        return (s.Count, method) switch
        {
            (1, "GET") => ReadHandler.List(c, definition, _maxPage),
            (1, "POST") => PostCollection(c, definition),
            (2, "GET") => ReadHandler.Show(c, definition, s[1]),
            (2, "POST") => PostResource(c, definition, s[1]),
            (2, "DELETE") => DeleteResource(c, definition, s[1]),
            (3, "GET") => ReadHandler.ListSubcollection(c, definition, s[1], s[2], _maxPage),
            (3, "POST") => PostSubcollection(c, definition, s[1], s[2]),
            (4, "GET") => ReadHandler.ShowSubresource(c, definition, s[1], s[2], s[3]),
            (4, "POST") when s[2] == "custom_attributes" && definition.Subcollections.Contains(s[2]) =>
                CustomAttributesHandler.PostSubresource(c, definition, ReadHandler.Find(c, definition, s[1]), s[3]),
            (4, "DELETE") when s[2] == "custom_attributes" && definition.Subcollections.Contains(s[2]) =>
                CustomAttributesHandler.DeleteSubresource(c, definition, ReadHandler.Find(c, definition, s[1]), s[3]),
            _ => throw new RoutingException(),
        };
    }

    private static ApiResult PostCollection(ApiContext c, CollectionDefinition definition) => definition.Name switch
    {
        "container_images" => ContainerImagesHandler.PostCollection(c),
        "actions" => ActionsHandler.PostCollection(c),
        "conditions" => ConditionsHandler.PostCollection(c),
        "policies" => PoliciesHandler.PostCollection(c),
        "policy_profiles" => PolicyProfilesHandler.PostCollection(c),
        "reports" => ReportsHandler.PostCollection(c),
        _ => throw ApiException.BadRequest($"Unsupported Action {Envelope.Action(c)} for the {definition.Name} collection specified"),
    };

    private static ApiResult PostResource(ApiContext c, CollectionDefinition definition, string id) => definition.Name switch
    {
        "container_images" => ContainerImagesHandler.PostResource(c, id),
        "actions" => ActionsHandler.PostResource(c, id),
        "conditions" => ConditionsHandler.PostResource(c, id),
        "policies" => PoliciesHandler.PostResource(c, id),
        "policy_profiles" => PolicyProfilesHandler.PostResource(c, id),
        "tasks" => TasksHandler.PostResource(c, id),
        "providers" => throw ApiException.BadRequest($"Unsupported Custom Action {Envelope.Action(c)} for the providers resource specified"),
        _ => throw ApiException.BadRequest($"Unsupported Action {Envelope.Action(c)} for the {definition.Name} resource specified"),
    };

    private static ApiResult DeleteResource(ApiContext c, CollectionDefinition definition, string id) => definition.Name switch
    {
        "actions" => ActionsHandler.Delete(c, id),
        "conditions" => ConditionsHandler.Delete(c, id),
        "policies" => PoliciesHandler.Delete(c, id),
        "policy_profiles" => PolicyProfilesHandler.Delete(c, id),
        "tasks" => TasksHandler.Delete(c, id),
        _ => throw new RoutingException(),
    };

    private static ApiResult PostSubcollection(ApiContext c, CollectionDefinition definition, string id, string sub) => (definition.Name, sub) switch
    {
        (_, "custom_attributes") when definition.Subcollections.Contains(sub) =>
            CustomAttributesHandler.PostSubcollection(c, definition, ReadHandler.Find(c, definition, id)),
        ("providers", "policy_profiles") => ProvidersHandler.PostPolicyProfiles(c, id),
        ("policy_profiles", "policies") => PolicyProfilesHandler.PostPolicies(c, id),
        _ => throw new RoutingException(),
    };

    /// <summary>Fact 2: blank, JSON or */* Accept is served; anything else is a 415.</summary>
    private static void CheckAccept(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        if (accept.Length > 0 && !accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("*/*", StringComparison.Ordinal))
        {
            throw new ApiException(HttpStatusCode.UnsupportedMediaType, $"Invalid Response Format {accept} requested", "Api::UnsupportedMediaTypeError");
        }
    }

    private void Record(HttpContext http, string path, int status, string auth, string? fault, string body)
    {
        string? action = null;
        if (body.Length > 0 && body.TrimStart().StartsWith('{'))
        {
            try
            {
                action = Newtonsoft.Json.Linq.JObject.Parse(body).Value<string>("action");
            }
            catch (JsonReaderException)
            {
                // A malformed body is recorded as it came; the handler answered 400.
            }
        }

        _log.Add(new RecordedRequest(http.Request.Method, path, http.Request.QueryString.Value ?? string.Empty, status, auth, fault, body, _store.Time.GetUtcNow()) { Action = action });
    }
}
