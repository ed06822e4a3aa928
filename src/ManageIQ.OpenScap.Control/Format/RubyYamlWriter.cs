using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Format;

/// <summary>
/// Writes a <see cref="ControlView"/> as Psych writes a Control export: block style, sequences at their key's indent,
/// <c>!ruby/object:MiqExpression</c> tags, symbols as <c>:name</c>. A string is written plain only when
/// <see cref="RubyYamlReader"/> (and so Psych) reads it back as the same string; otherwise it is double-quoted.
/// </summary>
public static partial class RubyYamlWriter
{
    public static string Write(JToken view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = new StringBuilder("---");
        Value(text, view, 0, afterKey: false);
        text.Append('\n');
        return text.ToString();
    }

    private static void Value(StringBuilder text, JToken value, int indent, bool afterKey)
    {
        switch (value)
        {
            case JObject { Count: 1 } tagged when tagged[ControlView.MiqExpressionKey] is JObject expression:
                text.Append(' ').Append(ControlView.MiqExpressionTag);
                Mapping(text, expression, afterKey ? indent + 2 : indent);
                break;
            case JObject { Count: 0 }:
                text.Append(" {}");
                break;
            case JObject mapping:
                Mapping(text, mapping, afterKey ? indent + 2 : indent);
                break;
            case JArray { Count: 0 }:
                text.Append(" []");
                break;
            case JArray sequence:
                foreach (var item in sequence)
                {
                    text.Append('\n').Append(' ', indent).Append('-');
                    if (item is JObject { Count: > 0 } o && o[ControlView.MiqExpressionKey] is null)
                    {
                        // "- key: value": the first key on the dash's line, the rest aligned with it.
                        var first = true;
                        foreach (var property in o.Properties())
                        {
                            text.Append(first ? " " : "\n" + new string(' ', indent + 2));
                            Property(text, property, indent + 2);
                            first = false;
                        }
                    }
                    else
                    {
                        Value(text, item, indent + 2, afterKey: false);
                    }
                }

                break;
            default:
                var scalar = Scalar((JValue)value);
                if (scalar.Length > 0)
                {
                    text.Append(' ').Append(scalar);
                }

                break;
        }
    }

    private static void Mapping(StringBuilder text, JObject mapping, int indent)
    {
        foreach (var property in mapping.Properties())
        {
            text.Append('\n').Append(' ', indent);
            Property(text, property, indent);
        }
    }

    private static void Property(StringBuilder text, JProperty property, int indent)
    {
        text.Append(Key(property.Name)).Append(':');
        Value(text, property.Value, indent, afterKey: property.Value is not JArray);
    }

    private static string Key(string name) =>
        name.Length > 1 && name[0] == ControlView.SymbolPrefix && SymbolName().IsMatch(name[1..]) ? name : String(name, symbolAllowed: false);

    private static string Scalar(JValue value) => value.Type switch
    {
        JTokenType.Null => string.Empty,
        JTokenType.Boolean => (bool)value! ? "true" : "false",
        JTokenType.Integer => Convert.ToString(value.Value, CultureInfo.InvariantCulture)!,
        JTokenType.Float => ((double)value!).ToString("R", CultureInfo.InvariantCulture),
        _ => String(value.ToString(CultureInfo.InvariantCulture), symbolAllowed: true),
    };

    private static string String(string value, bool symbolAllowed)
    {
        if (symbolAllowed && value.Length > 1 && value[0] == ControlView.SymbolPrefix && SymbolName().IsMatch(value[1..]))
        {
            return value;
        }

        if (SafePlain().IsMatch(value))
        {
            try
            {
                if (RubyYamlReader.Read("k: " + value, "check") is JObject o && o["k"] is JValue { Type: JTokenType.String } s && (string)s! == value)
                {
                    return value;
                }
            }
            catch (ControlFileException)
            {
                // Psych would read it as a number or date: quote it.
            }
        }

        return JsonConvert.ToString(value);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolName();

    // Starts with a letter, digit, "_" or "(", holds no ": ", " #" or indicator that changes a plain scalar's meaning.
    [GeneratedRegex(@"^[A-Za-z0-9_(][A-Za-z0-9 _.,;()'/=+<>-]*(?<! )$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePlain();
}
