using ManageIQ.OpenScap.ManageIq.Emulator.Auth;
using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>
/// The entrypoint's <c>authorization</c> block (<c>ApiController#auth_authorization</c>): <c>product_features</c>,
/// an object keyed by identifier holding each feature of the group's role and its visible descendants as
/// <c>{name, description, href?, action?, children?}</c>.
/// </summary>
internal static class AuthorizationRenderer
{
    public static JObject Render(ApiContext context, EmulatorGroup group)
    {
        var tree = ProductFeatureTree.Default;
        var features = new JObject();
        foreach (var identifier in tree.Expand(group.FeatureOrder))
        {
            features[identifier] = Feature(context, tree, identifier);
        }

        return new JObject { ["product_features"] = features };
    }

    private static JObject Feature(ApiContext context, ProductFeatureTree tree, string identifier)
    {
        // A seed may grant a feature outside the emulator's part of the tree: it is listed under its identifier.
        var feature = tree.Find(identifier);
        var result = new JObject { ["name"] = feature?.Name ?? identifier, ["description"] = feature?.Description };
        if (feature?.Collection is { } collection)
        {
            result["href"] = $"{context.ApiBase}/{collection}";
        }

        if (feature?.Action is { } action)
        {
            result["action"] = new JObject { ["name"] = action.Name, ["method"] = action.Method, ["href"] = $"{context.ApiBase}/{action.Collection}" };
        }

        var children = tree.VisibleChildren(identifier);
        if (children.Count > 0)
        {
            result["children"] = new JArray(children);
        }

        return result;
    }
}
