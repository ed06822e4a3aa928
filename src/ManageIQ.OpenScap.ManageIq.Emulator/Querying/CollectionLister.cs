using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using ManageIQ.OpenScap.ManageIq.Emulator.Rendering;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Querying;

/// <summary>
/// A collection or subcollection GET (facts 21-36): filter, sort, page, then render
/// <c>name, count, subcount, [subquery_count], pages, resources, [actions], links</c> in that order.
/// </summary>
internal sealed class CollectionLister
{
    private readonly ApiContext _context;
    private readonly CollectionDefinition _definition;
    private readonly int _maxResultsPerPage;

    public CollectionLister(ApiContext context, CollectionDefinition definition, int maxResultsPerPage)
    {
        _context = context;
        _definition = definition;
        _maxResultsPerPage = maxResultsPerPage;
    }

    /// <param name="name">The collection or subcollection name rendered in <c>name</c>.</param>
    /// <param name="rows">The candidate rows (a subcollection's members only).</param>
    /// <param name="count">ManageIQ's <c>count</c>: every row of the class, ignoring filters.</param>
    /// <param name="href">The href of a row.</param>
    /// <param name="actionsHref">The href the collection actions point at.</param>
    public JObject List(string name, IEnumerable<JObject> rows, int count, Func<JObject, string> href, string actionsHref)
    {
        var paging = Paging.Parse(_context, _maxResultsPerPage);
        var materialized = rows.ToList();
        var columns = Columns(materialized);
        var filters = (_context.Query.TryGetValue("filter[]", out var f) ? f : default).OfType<string>().ToList();
        int? subqueryCount = null;
        IEnumerable<JObject> selected = materialized;
        if (filters.Count > 0)
        {
            var klass = _definition.Klass(_context.Store);
            var clauses = filters.Select(x => FilterParser.Parse(x, klass, columns, _definition.Virtuals.ContainsKey)).ToList();
            var predicate = FilterEvaluator.Compile(clauses, Associate);
            var matched = materialized.Where(predicate).ToList();
            subqueryCount = matched.Count;
            selected = matched;
        }

        selected = Sorter.Apply(_context, selected, _definition.Klass(_context.Store), [.. columns, .. _definition.Virtuals.Keys]);
        var page = selected.Skip(paging.Offset).Take(paging.Limit).ToList();
        var total = subqueryCount ?? count;

        var result = new JObject
        {
            ["name"] = name,
            ["count"] = count,
            ["subcount"] = page.Count,
        };
        if (subqueryCount is not null)
        {
            result["subquery_count"] = subqueryCount.Value;
        }

        result["pages"] = Links.Pages(total, paging.Limit);
        if (_context.QueryValue("hide") != "resources")
        {
            var expand = (_context.QueryValue("expand") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
            var full = expand.Contains("resources") || !string.IsNullOrWhiteSpace(_context.QueryValue("attributes"));
            var selection = full ? AttributeSelection.Parse(_context, _definition, columns) : null;
            result["resources"] = new JArray(page.Select(row => selection is null
                ? new JObject { ["href"] = href(row) }
                : Renderer.Resource(_context, _definition, row, href(row), selection)));
        }

        var actions = Renderer.CollectionActions(_context, _definition, actionsHref);
        if (actions.Count > 0)
        {
            result["actions"] = actions;
        }

        result["links"] = Links.Build(_context.RequestUrl, paging.Offset, paging.Limit, total);
        return result;
    }

    private JObject? Associate(string association, JObject row) =>
        _definition.Virtuals.TryGetValue(association, out var get) ? get(_context.Store, row) as JObject : null;

    private static HashSet<string> Columns(List<JObject> rows) =>
        rows.Count == 0 ? [] : [.. rows[0].Properties().Select(p => p.Name).Where(n => !Normalizer.IsHidden(n))];
}
