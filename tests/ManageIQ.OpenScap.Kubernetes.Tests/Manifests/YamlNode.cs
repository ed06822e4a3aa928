using System.Globalization;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Manifests;

/// <summary>Navigation over YamlDotNet's untyped object graph (maps, lists, scalars).</summary>
internal static class YamlNode
{
    public static object? At(object? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node is IDictionary<object, object> map && map.TryGetValue(key, out var next) ? next : null;
        }

        return node;
    }

    public static string? Text(object? node, params string[] path) => Convert.ToString(At(node, path), CultureInfo.InvariantCulture);

    public static IEnumerable<object> Items(object? node, params string[] path) => At(node, path) as IEnumerable<object> ?? [];

    public static bool IsTrue(object? node, params string[] path) => string.Equals(Text(node, path), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every scalar in the tree, for "does this mention X anywhere" checks.</summary>
    public static IEnumerable<string> Scalars(object? node) => node switch
    {
        IDictionary<object, object> map => map.SelectMany(p => Scalars(p.Key).Concat(Scalars(p.Value))),
        IEnumerable<object> list => list.SelectMany(Scalars),
        null => [],
        _ => [Convert.ToString(node, CultureInfo.InvariantCulture) ?? ""],
    };
}
