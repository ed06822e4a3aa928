using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>
/// What ManageIQ's text column <c>custom_attributes.value</c> holds for a JSON value: a string as it came
/// (newlines, quotes and backslashes included), <c>t</c>/<c>f</c> for booleans (Rails' string cast), a number
/// as its JSON text; objects and arrays, which the bridge never sends, as compact JSON.
/// </summary>
internal static class StoredText
{
    public static string? Of(JToken value) => value.Type switch
    {
        JTokenType.Null or JTokenType.Undefined => null,
        JTokenType.String => value.Value<string>(),
        JTokenType.Boolean => value.Value<bool>() ? "t" : "f",
        _ => value.ToString(Newtonsoft.Json.Formatting.None),
    };
}
