using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Auth;

/// <summary>
/// The part of ManageIQ's product feature tree the emulator checks (every feature it gates, their ancestors and
/// descendants). A role granting a node grants all below it (<c>MiqUserRole#allows?</c>), and
/// <c>GET /api?attributes=authorization</c> lists a role's features with their visible descendants.
/// </summary>
internal sealed class ProductFeatureTree
{
    public const string Everything = "everything";
    private const string Resource = "ManageIQ.OpenScap.ManageIq.Emulator.Auth.product-features.json";
    private static readonly string[] FeatureTypeOrder = ["view", "control", "admin", "node"];
    private static readonly Lazy<ProductFeatureTree> Embedded = new(Load);
    private readonly Dictionary<string, ProductFeature> _features;

    private ProductFeatureTree(Dictionary<string, ProductFeature> features)
    {
        _features = features;
    }

    public static ProductFeatureTree Default => Embedded.Value;

    public ProductFeature? Find(string identifier) => _features.GetValueOrDefault(identifier);

    /// <summary>Whether features <paramref name="granted"/> to a role allow <paramref name="identifier"/>: it or one of its ancestors is granted.</summary>
    public bool Grants(IReadOnlySet<string> granted, string identifier)
    {
        if (granted.Contains(Everything))
        {
            return true;
        }

        for (string? current = identifier; current is not null; current = _features.GetValueOrDefault(current)?.Parent)
        {
            if (granted.Contains(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>ApiController#product_features</c>: each granted feature, then its visible children depth first, sorted
    /// as <c>MiqProductFeature.sort_children</c> does (feature type, then name). A hidden feature lists no children.
    /// </summary>
    public IReadOnlyList<string> Expand(IEnumerable<string> granted)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var identifier in granted)
        {
            Add(identifier, result, seen);
        }

        return result;
    }

    /// <summary>The visible children of a feature in ManageIQ's display order.</summary>
    public IReadOnlyList<string> VisibleChildren(string identifier)
    {
        if (_features.GetValueOrDefault(identifier) is not { Hidden: false } feature)
        {
            return [];
        }

        return [.. feature.Children
            .Select(c => _features[c])
            .Where(c => !c.Hidden)
            .OrderBy(c => Array.IndexOf(FeatureTypeOrder, c.FeatureType))
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ThenBy(c => c.Identifier, StringComparer.Ordinal)
            .Select(c => c.Identifier)];
    }

    private void Add(string identifier, List<string> result, HashSet<string> seen)
    {
        if (seen.Add(identifier))
        {
            result.Add(identifier);
        }

        foreach (var child in VisibleChildren(identifier))
        {
            Add(child, result, seen);
        }
    }

    private static ProductFeatureTree Load()
    {
        using var stream = typeof(ProductFeatureTree).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException("The product feature resource is missing from the emulator assembly.");
        using var reader = new StreamReader(stream);
        var features = new Dictionary<string, ProductFeature>(StringComparer.Ordinal);
        Read((JObject)JObject.Parse(reader.ReadToEnd())["tree"]!, null, features);
        return new ProductFeatureTree(features);
    }

    private static void Read(JObject node, string? parent, Dictionary<string, ProductFeature> features)
    {
        var identifier = node.Value<string>("identifier")!;
        var children = node["children"] as JArray ?? [];
        var action = node["action"] is JObject a
            ? new ProductFeatureAction(a.Value<string>("name")!, a.Value<string>("method")!, a.Value<string>("collection")!)
            : null;
        features[identifier] = new ProductFeature(
            identifier,
            node.Value<string>("name")!,
            node.Value<string>("description"),
            node.Value<string>("feature_type")!,
            node.Value<bool?>("hidden") ?? false,
            node.Value<string>("collection"),
            action,
            parent,
            [.. children.Select(c => ((JObject)c).Value<string>("identifier")!)]);
        foreach (var child in children.OfType<JObject>())
        {
            Read(child, identifier, features);
        }
    }
}
