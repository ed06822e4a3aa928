using System.Globalization;

namespace ManageIQ.OpenScap.ManageIq.Querying;

/// <summary>Collects query parameters: <c>expand</c>, <c>attributes</c>, repeated <c>filter[]</c>, <c>sort_by</c>/<c>sort_order</c>.</summary>
internal sealed class QueryBuilder
{
    private readonly List<KeyValuePair<string, string>> _parameters = [];

    public QueryBuilder ExpandResources()
    {
        _parameters.Add(new("expand", "resources"));
        return this;
    }

    public QueryBuilder Attributes(IEnumerable<string> names)
    {
        _parameters.Add(new("attributes", string.Join(",", names)));
        return this;
    }

    public QueryBuilder Filter(string filter)
    {
        _parameters.Add(new("filter[]", filter));
        return this;
    }

    public QueryBuilder Sort(string attribute, bool descending)
    {
        _parameters.Add(new("sort_by", attribute));
        _parameters.Add(new("sort_order", descending ? "desc" : "asc"));
        return this;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Build() => [.. _parameters];

    public static IReadOnlyList<KeyValuePair<string, string>> Page(IReadOnlyList<KeyValuePair<string, string>> query, int offset, int limit) =>
        [.. query, new("offset", offset.ToString(CultureInfo.InvariantCulture)), new("limit", limit.ToString(CultureInfo.InvariantCulture))];
}
