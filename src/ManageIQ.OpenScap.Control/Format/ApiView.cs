using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Format;

/// <summary>
/// A <see cref="ControlView"/> value as the API's JSON carries it: JSON has no symbols, so a symbol becomes its name
/// (keys and values), and an MiqExpression becomes its <c>exp</c> Hash, which the model wraps again
/// (<c>MiqReport#conditions=</c>).
/// </summary>
public static class ApiView
{
    public static JToken Of(JToken view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view switch
        {
            JObject { Count: 1 } tagged when tagged[ControlView.MiqExpressionKey] is JObject expression => Of(expression["exp"] ?? JValue.CreateNull()),
            JObject o => new JObject(o.Properties().Select(p => new JProperty(Name(p.Name), Of(p.Value)))),
            JArray a => new JArray(a.Select(Of)),
            JValue { Type: JTokenType.String } s => Name((string)s!),
            _ => view.DeepClone(),
        };
    }

    private static string Name(string text) => text.Length > 1 && text[0] == ControlView.SymbolPrefix ? text[1..] : text;
}
