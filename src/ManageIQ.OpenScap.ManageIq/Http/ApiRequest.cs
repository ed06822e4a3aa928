using Newtonsoft.Json.Linq;
using RestSharp;

namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>
/// One API call: method, path below the appliance root (<c>api/...</c>), query and JSON body. A repeatable
/// write is one whose second application changes nothing (an upsert by name, a delete by name).
/// </summary>
internal sealed record ApiRequest(Method Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Query, JObject? Body = null, bool Repeatable = false)
{
    /// <summary>
    /// Reads and repeatable writes are retried on 5xx and time-outs; any other write is not, since it may
    /// have happened before the answer was lost.
    /// </summary>
    public bool Idempotent => Method == Method.Get || Repeatable;

    public string MethodName => Method.ToString().ToUpperInvariant();

    public string Describe => $"{MethodName} /{Path}";

    /// <summary>The query as text for trace logs (it holds filters, never credentials).</summary>
    public string QueryText => Query.Count == 0 ? string.Empty : "?" + string.Join("&", Query.Select(q => $"{q.Key}={q.Value}"));

    public static ApiRequest Get(string path, params KeyValuePair<string, string>[] query) => new(Method.Get, path, query);

    public static ApiRequest Post(string path, JObject body) => new(Method.Post, path, [], body);

    /// <summary>A POST that may be sent again after a lost answer: applying it twice equals applying it once.</summary>
    public static ApiRequest RepeatablePost(string path, JObject body) => new(Method.Post, path, [], body, Repeatable: true);
}
