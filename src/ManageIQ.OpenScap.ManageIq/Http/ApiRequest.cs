using Newtonsoft.Json.Linq;
using RestSharp;

namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>One API call: method, path below the appliance root (<c>api/...</c>), query and JSON body.</summary>
internal sealed record ApiRequest(Method Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Query, JObject? Body = null)
{
    /// <summary>Only reads are retried on 5xx and time-outs: a write may have happened before the answer was lost.</summary>
    public bool Idempotent => Method == Method.Get;

    public string MethodName => Method.ToString().ToUpperInvariant();

    public string Describe => $"{MethodName} /{Path}";

    /// <summary>The query as text for trace logs (it holds filters, never credentials).</summary>
    public string QueryText => Query.Count == 0 ? string.Empty : "?" + string.Join("&", Query.Select(q => $"{q.Key}={q.Value}"));

    public static ApiRequest Get(string path, params KeyValuePair<string, string>[] query) => new(Method.Get, path, query);

    public static ApiRequest Post(string path, JObject body) => new(Method.Post, path, [], body);
}
