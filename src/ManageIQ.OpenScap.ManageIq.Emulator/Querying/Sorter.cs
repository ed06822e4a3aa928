using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Querying;

/// <summary><c>sort_by=a,b&amp;sort_order=asc|desc&amp;sort_options=ignore_case</c>; nulls last ascending, as PostgreSQL does.</summary>
internal static class Sorter
{
    public static IEnumerable<JObject> Apply(ApiContext context, IEnumerable<JObject> rows, string klass, IReadOnlyCollection<string> columns)
    {
        var sortBy = context.QueryValue("sort_by");
        if (string.IsNullOrWhiteSpace(sortBy))
        {
            return rows;
        }

        var keys = sortBy.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var orders = (context.QueryValue("sort_order") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        var ignoreCase = (context.QueryValue("sort_options") ?? string.Empty).Contains("ignore_case", StringComparison.Ordinal);
        foreach (var key in keys.Where(k => !columns.Contains(k)))
        {
            throw ApiException.BadRequest($"{key} is not a valid attribute for {klass}");
        }

        IOrderedEnumerable<JObject>? sorted = null;
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            var descending = i < orders.Length && orders[i].ToLowerInvariant() is "desc" or "descending";
            var comparer = Comparer<JToken?>.Create((a, b) => CompareValues(a, b, ignoreCase));
            sorted = sorted is null
                ? (descending ? rows.OrderByDescending(r => r[key], comparer) : rows.OrderBy(r => r[key], comparer))
                : (descending ? sorted.ThenByDescending(r => r[key], comparer) : sorted.ThenBy(r => r[key], comparer));
        }

        return sorted ?? rows;
    }

    private static int CompareValues(JToken? a, JToken? b, bool ignoreCase)
    {
        var aNull = a is null || a.Type == JTokenType.Null;
        var bNull = b is null || b.Type == JTokenType.Null;
        if (aNull || bNull)
        {
            return aNull.CompareTo(bNull);
        }

        if (a!.Type == JTokenType.Integer && b!.Type == JTokenType.Integer)
        {
            return a.Value<long>().CompareTo(b.Value<long>());
        }

        if (a.Type is JTokenType.Integer or JTokenType.Float && b!.Type is JTokenType.Integer or JTokenType.Float)
        {
            return a.Value<decimal>().CompareTo(b.Value<decimal>());
        }

        return string.Compare(a.ToString(), b!.ToString(), ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
