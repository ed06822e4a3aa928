using System.Globalization;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Rendering;

/// <summary>
/// <c>BaseController::Normalizer</c>: <c>id</c> and every <c>*_id</c> as strings, password fields left out
/// (null when nested), internal bookkeeping keys (<c>__</c> prefix) never rendered.
/// </summary>
internal static class Normalizer
{
    public static bool IsHidden(string key) => key.StartsWith("__", StringComparison.Ordinal);

    public static bool IsIdKey(string key) => key == "id" || key.EndsWith("_id", StringComparison.Ordinal);

    public static JToken Value(string key, JToken? value, bool nested = false)
    {
        if (value is null || value.Type == JTokenType.Null)
        {
            return JValue.CreateNull();
        }

        if (key.Contains("password", StringComparison.Ordinal))
        {
            return JValue.CreateNull();
        }

        return value switch
        {
            JValue { Type: JTokenType.Integer } v when IsIdKey(key) => Convert.ToString(v.Value, CultureInfo.InvariantCulture)!,
            JObject o => Object(o, nested: true),
            JArray a => new JArray(a.Select(item => item is JObject io ? Object(io, nested: true) : item.DeepClone())),
            _ => value.DeepClone(),
        };
    }

    /// <summary>A nested association or hash: the same rules, passwords rendered as null.</summary>
    public static JObject Object(JObject source, bool nested)
    {
        var result = new JObject();
        foreach (var property in source.Properties())
        {
            if (IsHidden(property.Name) || (!nested && property.Name.Contains("password", StringComparison.Ordinal)))
            {
                continue;
            }

            result[property.Name] = Value(property.Name, property.Value, nested);
        }

        return result;
    }
}
