using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using ManageIQ.OpenScap.ManageIq.Emulator.Querying;
using ManageIQ.OpenScap.ManageIq.Emulator.Rendering;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>GET of collections, resources and subcollections, shared by every collection.</summary>
internal static class ReadHandler
{
    public static ApiResult List(ApiContext context, CollectionDefinition definition, int maxPage)
    {
        context.Require(definition.ListFeature, "Use of the read action is forbidden");
        var table = definition.Table(context.Store);
        var rows = ApplyCollectionClass(context, definition, table.Rows);
        var lister = new CollectionLister(context, definition, maxPage);
        var collectionHref = $"{context.ApiBase}/{definition.Name}";
        return ApiResult.Ok(lister.List(definition.Name, rows, table.Count, r => context.Href(definition.Name, r.Value<long>("id")), collectionHref, table));
    }

    public static ApiResult Show(ApiContext context, CollectionDefinition definition, string id)
    {
        context.Require(definition.ShowFeature, "Use of the read action is forbidden");
        var row = Find(context, definition, id);
        var rowId = row.Value<long>("id");
        var table = definition.Table(context.Store);

        // Without embedded subcollections a resource depends only on its table: reuse its rendering until the table changes.
        var cache = string.IsNullOrEmpty(context.QueryValue("expand"))
            ? RenderedRowsFor(context, "show:" + definition.Name, string.Join("\n", table.Version, definition.SourceVersions(context.Store, context.QueryValue("attributes")), context.ApiBase, context.QueryValue("attributes"), context.Group?.Description))
            : null;
        if (cache is not null && cache.TryGetValue(rowId, out var cached))
        {
            return ApiResult.Ok(new RenderedRow(cached));
        }

        var columns = row.Properties().Select(p => p.Name).Where(n => !Normalizer.IsHidden(n)).ToHashSet();
        var selection = AttributeSelection.Parse(context, definition, columns);
        var embedded = Expanded(context, definition, row);
        var rendered = Renderer.Resource(context, definition, row, context.Href(definition.Name, rowId), selection, embedded);
        if (cache is not null)
        {
            cache[rowId] = new RenderedJson(rendered.ToString(Newtonsoft.Json.Formatting.None));
        }

        return ApiResult.Ok(rendered);
    }

    public static ApiResult ListSubcollection(ApiContext context, CollectionDefinition parent, string id, string name, int maxPage)
    {
        var row = Find(context, parent, id);
        var sub = Subcollection.Resolve(context, parent, row, name) ?? throw new RoutingException();
        var lister = new CollectionLister(context, sub.Definition, maxPage);
        return ApiResult.Ok(lister.List(sub.Name, sub.Rows, sub.ClassCount, sub.Href, sub.CollectionHref));
    }

    public static ApiResult ShowSubresource(ApiContext context, CollectionDefinition parent, string id, string name, string subId)
    {
        var row = Find(context, parent, id);
        var sub = Subcollection.Resolve(context, parent, row, name) ?? throw new RoutingException();
        var member = FindMember(context, sub, subId);
        var columns = member.Properties().Select(p => p.Name).ToHashSet();
        return ApiResult.Ok(Renderer.Resource(context, sub.Definition, member, sub.Href(member), AttributeSelection.Parse(context, sub.Definition, columns)));
    }

    /// <summary>The rendered-rows cache named <paramref name="name"/>, emptied when <paramref name="key"/> changes.</summary>
    public static Dictionary<long, RenderedJson> RenderedRowsFor(ApiContext context, string name, string key)
    {
        if (!context.Store.RenderCache.TryGetValue(name, out var cache) || cache.Key != key)
        {
            context.Store.RenderCache[name] = cache = new Store.RenderedRows(key, []);
        }

        return cache.Rows;
    }

    /// <summary>The row of <c>/api/{collection}/{id}</c>, or ActiveRecord's 404.</summary>
    public static JObject Find(ApiContext context, CollectionDefinition definition, string id)
    {
        var table = definition.Table(context.Store);
        return long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && table.Find(n) is { } row
            ? row
            : throw ApiException.RecordNotFound(table.Klass, id);
    }

    public static JObject FindMember(ApiContext context, Subcollection sub, string subId)
    {
        var klass = sub.Definition.Klass(context.Store);
        return long.TryParse(subId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && sub.Rows.FirstOrDefault(r => r.Value<long>("id") == n) is { } member
            ? member
            : throw ApiException.RecordNotFound(klass, subId);
    }

    private static IEnumerable<(string, JToken)> Expanded(ApiContext context, CollectionDefinition definition, JObject row)
    {
        var expand = (context.QueryValue("expand") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in expand.Where(definition.Subcollections.Contains))
        {
            var sub = Subcollection.Resolve(context, definition, row, name)!;
            yield return (name, new JArray(sub.Rows.Select(r => Renderer.Resource(context, sub.Definition, r, sub.Href(r), AttributeSelection.Full with { WantsActions = false }))));
        }
    }

    private static IReadOnlyList<JObject> ApplyCollectionClass(ApiContext context, CollectionDefinition definition, IReadOnlyList<JObject> rows)
    {
        var requested = context.QueryValue("collection_class");
        if (string.IsNullOrEmpty(requested))
        {
            return rows;
        }

        var classes = ProviderClasses.DescendantsOf(requested);
        if (definition != Collections.Providers || classes is null)
        {
            throw ApiException.BadRequest($"Invalid collection_class {requested} specified for the {definition.Name} collection");
        }

        return [.. rows.Where(r => classes.Contains(r.Value<string>("type") ?? string.Empty))];
    }
}
