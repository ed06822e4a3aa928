using System.Net;
using ManageIQ.OpenScap.ManageIq.Emulator.Faults;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Control;

/// <summary>
/// The wire form of a fault on <c>/emulator/faults</c>: the match (<c>method</c>, <c>pathPrefix</c>,
/// <c>queryContains</c>, <c>count</c>) plus exactly one kind: <c>status</c>, <c>drop</c> (<c>before</c> or
/// <c>after</c>), <c>delayMs</c>, <c>delayAfterMs</c> or <c>expireTokens</c>.
/// </summary>
internal static class FaultDocument
{
    public const int MaxDelayMs = 600_000;
    public const int MaxCount = 1_000_000;
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
    private static readonly string[] KindFields = ["status", "drop", "delayMs", "delayAfterMs", "expireTokens"];
    private static readonly string[] Fields = ["method", "pathPrefix", "queryContains", "count", .. KindFields];

    public static FaultRule Parse(JObject body)
    {
        ControlBody.RejectUnknown(body, Fields);
        var kinds = KindFields.Where(f => body[f] is { Type: not JTokenType.Null }).ToList();
        if (kinds.Count != 1)
        {
            throw new ControlException(HttpStatusCode.BadRequest, kinds.Count == 0
                ? $"A fault needs one of {string.Join(", ", KindFields)}."
                : $"A fault has one kind, but the body gives {string.Join(" and ", kinds)}.", kinds.Count == 0 ? null : kinds[1]);
        }

        var method = ControlBody.OptionalString(body, "method", 16)?.ToUpperInvariant();
        if (method is not null && !Methods.Contains(method))
        {
            throw ControlException.BadField("method", $"'method' must be one of {string.Join(", ", Methods)}, not '{method}'.");
        }

        var pathPrefix = ControlBody.OptionalString(body, "pathPrefix");
        if (pathPrefix is not null && !pathPrefix.StartsWith('/'))
        {
            throw ControlException.BadField("pathPrefix", $"'pathPrefix' must start with '/', as in /api/container_images, not '{pathPrefix}'.");
        }

        var queryContains = ControlBody.OptionalString(body, "queryContains");
        if (queryContains is { Length: 0 })
        {
            throw ControlException.BadField("queryContains", "'queryContains' must not be empty; leave it out to match any query.");
        }

        var count = (int)(ControlBody.OptionalInteger(body, "count", 1, MaxCount) ?? 1);
        var rule = kinds[0] switch
        {
            "status" => new FaultRule(FaultKind.Status, method, pathPrefix, count) { Status = (HttpStatusCode)ControlBody.OptionalInteger(body, "status", 400, 599)!.Value },
            "drop" => new FaultRule(Drop(ControlBody.OptionalString(body, "drop", 16)!), method, pathPrefix, count),
            "delayMs" => new FaultRule(FaultKind.Delay, method, pathPrefix, count) { Delay = Milliseconds(body, "delayMs") },
            "delayAfterMs" => new FaultRule(FaultKind.DelayAfterHandling, method, pathPrefix, count) { Delay = Milliseconds(body, "delayAfterMs") },
            _ => body["expireTokens"] is JValue { Type: JTokenType.Boolean, Value: true }
                ? new FaultRule(FaultKind.ExpireTokens, method, pathPrefix, count)
                : throw ControlException.BadField("expireTokens", "'expireTokens' must be true (leave it out otherwise)."),
        };
        return rule with { QueryContains = queryContains };
    }

    /// <summary>A rule as the routes show it; <paramref name="left"/> is how many requests it still hits.</summary>
    public static JObject Render(FaultRule rule, int left)
    {
        var document = new JObject
        {
            ["method"] = rule.Method,
            ["pathPrefix"] = rule.PathPrefix,
            ["queryContains"] = rule.QueryContains,
            ["count"] = left,
        };
        switch (rule.Kind)
        {
            case FaultKind.Status:
                document["status"] = (int)rule.Status;
                break;
            case FaultKind.DropConnection:
                document["drop"] = "before";
                break;
            case FaultKind.DropAfterHandling:
                document["drop"] = "after";
                break;
            case FaultKind.Delay:
                document["delayMs"] = (long)rule.Delay.TotalMilliseconds;
                break;
            case FaultKind.DelayAfterHandling:
                document["delayAfterMs"] = (long)rule.Delay.TotalMilliseconds;
                break;
            case FaultKind.ExpireTokens:
                document["expireTokens"] = true;
                break;
        }

        return document;
    }

    private static FaultKind Drop(string when) => when switch
    {
        "before" => FaultKind.DropConnection,
        "after" => FaultKind.DropAfterHandling,
        _ => throw ControlException.BadField("drop", $"'drop' must be \"before\" (close without handling) or \"after\" (handle, then close), not '{when}'."),
    };

    private static TimeSpan Milliseconds(JObject body, string field) =>
        TimeSpan.FromMilliseconds(ControlBody.OptionalInteger(body, field, 0, MaxDelayMs)!.Value);
}
