using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Rendering;

/// <summary>
/// Renders one resource as <c>BaseController::Renderer</c> does: <c>href</c> first, the physical columns,
/// requested virtual attributes and embedded subcollections, then role-filtered <c>actions</c>.
/// </summary>
internal static class Renderer
{
    public static JObject Resource(
        ApiContext context,
        CollectionDefinition definition,
        JObject row,
        string href,
        AttributeSelection selection,
        IEnumerable<(string Name, JToken Value)>? embedded = null)
    {
        var result = new JObject { ["href"] = href };
        var physical = row.Properties().Where(p => !Normalizer.IsHidden(p.Name)).ToList();
        if (selection.OnlySelected)
        {
            result["id"] = Normalizer.Value("id", row["id"]);
            foreach (var name in selection.Physical.Where(n => n != "id" && n != "href"))
            {
                result[name] = Normalizer.Value(name, row[name]);
            }
        }
        else
        {
            foreach (var property in physical.Where(p => !p.Name.Contains("password", StringComparison.Ordinal)))
            {
                result[property.Name] = Normalizer.Value(property.Name, property.Value);
            }
        }

        foreach (var name in selection.Virtual)
        {
            result[name] = Normalizer.Value(name, definition.Virtuals[name](context.Store, row), nested: true);
        }

        foreach (var (name, value) in embedded ?? [])
        {
            result[name] = value;
        }

        if (selection.WantsActions)
        {
            var actions = ResourceActions(context, definition, href);
            if (actions.Count > 0)
            {
                result["actions"] = actions;
            }
        }

        return result;
    }

    public static JArray ResourceActions(ApiContext context, CollectionDefinition definition, string href) =>
        [.. definition.ResourceActions.Where(a => context.Allows(a.Feature)).Select(a => Action(a.Name, href))];

    public static JArray CollectionActions(ApiContext context, CollectionDefinition definition, string href) =>
        [.. definition.CollectionActions.Where(a => context.Allows(a.Feature)).Select(a => Action(a.Name, href))];

    private static JObject Action(string name, string href) => new() { ["name"] = name, ["method"] = "post", ["href"] = href };
}
