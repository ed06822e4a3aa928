using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using ManageIQ.OpenScap.ManageIq.Emulator.Rendering;
using ManageIQ.OpenScap.ManageIq.Emulator.Store;
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
    /// <param name="cacheTable">For a top-level collection, its table: the filtered, sorted rows are then reused
    /// across pages until the table changes (as an index would spare a database the rescans).</param>
    public JObject List(string name, IReadOnlyList<JObject> rows, int count, Func<JObject, string> href, string actionsHref, ResourceTable? cacheTable = null)
    {
        var paging = Paging.Parse(_context, _maxResultsPerPage);
        var columns = Columns(rows);
        var filters = (_context.Query.TryGetValue("filter[]", out var f) ? f : default).OfType<string>().ToList();
        var (selected, subqueryCount) = Select(name, rows, columns, filters, cacheTable);
        var page = new List<JObject>(Math.Min(paging.Limit, Math.Max(0, selected.Count - paging.Offset)));
        for (var i = paging.Offset; i < selected.Count && page.Count < paging.Limit; i++)
        {
            page.Add(selected[i]);
        }

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
            var renderCache = selection is null || cacheTable is null ? null : RenderCache(name, cacheTable);
            result["resources"] = new JArray(page.Select(row => selection is null
                ? new JObject { ["href"] = href(row) }
                : Render(row, href(row), selection, renderCache)));
        }

        var actions = Renderer.CollectionActions(_context, _definition, actionsHref);
        if (actions.Count > 0)
        {
            result["actions"] = actions;
        }

        result["links"] = Links.Build(_context.RequestUrl, paging.Offset, paging.Limit, total);
        return result;
    }

    /// <summary>
    /// Rendered members of an unchanged table are reused as raw JSON (a listing pages through the same rows
    /// again and again); the key holds everything that shapes the text: the versions of the table and of the tables
    /// its requested virtual attributes read, base URL, query, group.
    /// </summary>
    private Dictionary<long, RenderedJson> RenderCache(string name, ResourceTable table)
    {
        var key = string.Join("\n", table.Version, _definition.SourceVersions(_context.Store, _context.QueryValue("attributes")), _context.ApiBase, _context.QueryValue("attributes"), _context.QueryValue("expand"), _context.Group?.Description);
        return Handlers.ReadHandler.RenderedRowsFor(_context, name, key);
    }

    private JToken Render(JObject row, string href, AttributeSelection selection, Dictionary<long, RenderedJson>? cache)
    {
        if (cache is null)
        {
            return Renderer.Resource(_context, _definition, row, href, selection);
        }

        var id = row.Value<long>("id");
        if (!cache.TryGetValue(id, out var rendered))
        {
            cache[id] = rendered = new RenderedJson(Renderer.Resource(_context, _definition, row, href, selection).ToString(Newtonsoft.Json.Formatting.None));
        }

        return new RenderedRow(rendered);
    }

    private (IReadOnlyList<JObject> Rows, int? SubqueryCount) Select(string name, IReadOnlyList<JObject> rows, HashSet<string> columns, List<string> filters, ResourceTable? cacheTable)
    {
        var key = cacheTable is null ? null : string.Join(
            "\n",
            [cacheTable.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), _context.QueryValue("sort_by"), _context.QueryValue("sort_order"), _context.QueryValue("sort_options"), _context.QueryValue("collection_class"), .. filters]);
        if (key is not null && _context.Store.ListingCache.TryGetValue(name, out var cached) && cached.Key == key)
        {
            return (cached.Rows, cached.SubqueryCount);
        }

        int? subqueryCount = null;
        IEnumerable<JObject> selected = rows;
        if (filters.Count > 0)
        {
            var klass = _definition.Klass(_context.Store);
            var clauses = filters.Select(x => FilterParser.Parse(x, klass, columns, _definition.Virtuals.ContainsKey)).ToList();
            var predicate = FilterEvaluator.Compile(clauses, Associate);
            var matched = rows.Where(predicate).ToList();
            subqueryCount = matched.Count;
            selected = matched;
        }

        var sorted = Sorter.Apply(_context, selected, _definition.Klass(_context.Store), [.. columns, .. _definition.Virtuals.Keys]);
        var result = sorted as IReadOnlyList<JObject> ?? [.. sorted];
        if (key is not null)
        {
            _context.Store.ListingCache[name] = new CachedListing(key, result, subqueryCount);
        }

        return (result, subqueryCount);
    }

    private JObject? Associate(string association, JObject row) =>
        _definition.Virtuals.TryGetValue(association, out var get) ? get(_context.Store, row) as JObject : null;

    /// <summary>The rows' columns and the table's schema, so an empty collection still knows which attributes exist.</summary>
    private HashSet<string> Columns(IReadOnlyList<JObject> rows)
    {
        HashSet<string> columns = rows.Count == 0 ? new(StringComparer.Ordinal) : [.. rows[0].Properties().Select(p => p.Name)];
        columns.UnionWith(_definition.Table(_context.Store).Columns);
        columns.RemoveWhere(Normalizer.IsHidden);
        return columns;
    }
}
