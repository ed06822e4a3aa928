using ManageIQ.OpenScap.ManageIq.Errors;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Probing;

/// <summary>
/// What the probe reads from <c>GET /api?attributes=authorization</c>: <c>version</c>, <c>server_info.version</c>
/// (the appliance build, e.g. <c>jansa-4</c>), <c>identity</c> and the keys of <c>authorization.product_features</c>.
/// </summary>
internal sealed record ManageIqEntrypoint(string Version, string? ServerVersion, ManageIqIdentity Identity, IReadOnlySet<string>? ProductFeatures)
{
    /// <summary>Reads the answer, or throws a <see cref="ManageIqResponseException"/> naming what is missing.</summary>
    public static ManageIqEntrypoint Read(JToken? answer, string request)
    {
        if (answer is not JObject body)
        {
            throw Invalid(request, $"answered {answer?.Type.ToString() ?? "nothing"} where the API entrypoint object was expected");
        }

        var version = Text(body, "version") ?? throw Invalid(request, "answered without a version: not ManageIQ's API entrypoint");
        var identity = body["identity"] as JObject ?? throw Invalid(request, "answered without an identity");
        var user = Text(identity, "userid") ?? throw Invalid(request, "answered an identity without a userid");
        var features = body["authorization"] is JObject { } authorization && authorization["product_features"] is JObject listed
            ? listed.Properties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            : null;
        return new ManageIqEntrypoint(
            version,
            Text(body["server_info"] as JObject, "version"),
            new ManageIqIdentity(user, Text(identity, "name"), Text(identity, "group"), Text(identity, "role"), Text(identity, "tenant")),
            features);
    }

    /// <summary>Server-chosen text goes into one log line: one line, and bounded.</summary>
    private const int MaxText = 200;

    private static string? Text(JObject? json, string key)
    {
        if (json?[key] is not JValue { Type: JTokenType.String } value || string.IsNullOrWhiteSpace((string?)value))
        {
            return null;
        }

        var text = ((string)value!).ReplaceLineEndings(" ");
        return text.Length > MaxText ? text[..MaxText] + "..." : text;
    }

    private static ManageIqResponseException Invalid(string request, string what) => new($"{request} {what}.") { Request = request };
}
