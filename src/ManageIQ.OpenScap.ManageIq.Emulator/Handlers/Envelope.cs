using System.Net;
using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>The POST envelope of fact 4 and the action results of facts 5 and 6.</summary>
internal static class Envelope
{
    /// <summary>The action named in the body; a non-empty body without one means <c>create</c>.</summary>
    public static string? Action(ApiContext context) =>
        context.Body.Value<string>("action") ?? (context.HasBody && context.Body.Count > 0 ? "create" : null);

    public static bool IsBulk(ApiContext context) => context.Body["resources"] is JArray;

    /// <summary>The resources of a request: <c>resources</c>, or <c>resource</c>, or the body minus <c>action</c>.</summary>
    public static IReadOnlyList<JObject> Resources(ApiContext context)
    {
        if (context.Body["resources"] is JArray array)
        {
            return [.. array.OfType<JObject>()];
        }

        if (context.Body["resource"] is JObject single)
        {
            return [single];
        }

        var rest = (JObject)context.Body.DeepClone();
        rest.Remove("action");
        return rest.Count == 0 ? [] : [rest];
    }

    /// <summary>The one resource of a single-resource action (an empty object when the body names none).</summary>
    public static JObject First(ApiContext context)
    {
        var resources = Resources(context);
        return resources.Count > 0 ? resources[0] : [];
    }

    public static JObject Result(bool success, string message, string? href, long? taskId = null, string? apiBase = null)
    {
        var result = new JObject { ["success"] = success, ["message"] = message };
        if (taskId is not null)
        {
            result["task_id"] = taskId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            result["task_href"] = $"{apiBase}/tasks/{taskId}";
        }

        if (href is not null)
        {
            result["href"] = href;
        }

        return result;
    }

    /// <summary>A single action answer: 400 when it failed, 200 otherwise (fact 5).</summary>
    public static ApiResult Single(JObject result) =>
        new(result.Value<bool?>("success") == false ? HttpStatusCode.BadRequest : HttpStatusCode.OK, result);

    /// <summary><c>{"results":[...]}</c>: always 200 for a bulk request; 400 for a single failed one.</summary>
    public static ApiResult Results(ApiContext context, IEnumerable<JToken?> results)
    {
        var array = new JArray(results.Select(r => r ?? JValue.CreateNull()));
        var failed = !IsBulk(context) && array.Count == 1 && array[0] is JObject o && o.Value<bool?>("success") == false;
        return new ApiResult(failed ? HttpStatusCode.BadRequest : HttpStatusCode.OK, new JObject { ["results"] = array });
    }

    /// <summary>The numeric id at the end of an href such as <c>http://h/api/policies/7</c>, when it names that collection.</summary>
    public static long? IdFromHref(string? href, string collection)
    {
        if (href is null)
        {
            return null;
        }

        var marker = "/" + collection + "/";
        var at = href.LastIndexOf(marker, StringComparison.Ordinal);
        return at >= 0 && long.TryParse(href.AsSpan(at + marker.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
    }

    /// <summary>The target of a resource given by <c>href</c> or <c>id</c>.</summary>
    public static long? TargetId(JObject resource, string collection) =>
        IdFromHref(resource.Value<string>("href"), collection)
        ?? (long.TryParse(resource["id"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null);
}
