using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Http;

/// <summary>One request as the handlers see it: the path below <c>/api</c>, the query, the body and the caller.</summary>
public sealed class ApiContext
{
    private readonly string _bodyText;
    private JObject? _body;

    internal ApiContext(HttpContext http, EmulatorStore store, IReadOnlyList<string> segments, string apiBase, string bodyText)
    {
        Http = http;
        Store = store;
        Segments = segments;
        ApiBase = apiBase;
        _bodyText = bodyText;
    }

    public HttpContext Http { get; }

    public EmulatorStore Store { get; }

    /// <summary>The path segments after <c>/api</c> (and after a version segment).</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary><c>scheme://host/api</c>, plus the version segment when the request named one.</summary>
    public string ApiBase { get; }

    public string Method => Http.Request.Method;

    public IQueryCollection Query => Http.Request.Query;

    /// <summary>The API version this emulator reports (<see cref="EmulatorOptions.ApiVersion"/>).</summary>
    public string ApiVersion { get; internal init; } = Handlers.EntrypointHandler.DefaultVersion;

    public EmulatorUser? User { get; internal set; }

    public EmulatorGroup? Group { get; internal set; }

    /// <summary>The full request URL, the base of paging links.</summary>
    public string RequestUrl => $"{Http.Request.Scheme}://{Http.Request.Host}{Http.Request.PathBase}{Http.Request.Path}{Http.Request.QueryString}";

    public bool HasBody => !string.IsNullOrWhiteSpace(_bodyText);

    /// <summary>The JSON body (the Content-Type is ignored, as ManageIQ does); malformed JSON is a 400.</summary>
    public JObject Body
    {
        get
        {
            if (_body is not null)
            {
                return _body;
            }

            if (!HasBody)
            {
                return _body = [];
            }

            try
            {
                using var reader = new JsonTextReader(new StringReader(_bodyText)) { DateParseHandling = DateParseHandling.None };
                var token = JToken.ReadFrom(reader);
                return _body = token as JObject ?? throw new ApiException(System.Net.HttpStatusCode.BadRequest, "Request body must be a JSON object", "JSON::ParserError");
            }
            catch (JsonReaderException e)
            {
                throw new ApiException(System.Net.HttpStatusCode.BadRequest, e.Message, "JSON::ParserError");
            }
        }
    }

    public string? QueryValue(string name) => Query.TryGetValue(name, out var v) ? v.ToString() : null;

    public string Href(string collection, long id) => $"{ApiBase}/{collection}/{id}";

    public bool Allows(string? feature) => feature is null || (Group?.Allows(feature) ?? false);

    /// <summary>The 403 of a role check, which ManageIQ makes before looking the record up.</summary>
    public void Require(string? feature, string verbDescription)
    {
        if (!Allows(feature))
        {
            throw ApiException.Forbidden(verbDescription);
        }
    }
}
