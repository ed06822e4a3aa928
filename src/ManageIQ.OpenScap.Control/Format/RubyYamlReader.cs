using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ManageIQ.OpenScap.Control.Format;

/// <summary>
/// Reads a Control export as ManageIQ's importer does (<c>YAML.safe_load</c> with MiqExpression and Symbol permitted,
/// aliases allowed) into the <see cref="ControlView"/> JSON. Psych's plain-scalar rules that the bridge does not model
/// (octal, separators, dates) are refused, so what this reads is what Psych reads. Sizes are bounded.
/// </summary>
public static partial class RubyYamlReader
{
    /// <summary>The largest file read: the shipped profiles are a few kilobytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Nodes visited, aliases expanded: bounds an alias bomb.</summary>
    public const int MaxNodes = 100_000;

    private const int MaxDepth = 64;

    public static JToken Read(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxBytes)
        {
            throw new ControlFileException($"{source}: larger than {MaxBytes} bytes.");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ControlFileException($"{source}: not YAML ({e.Start}): {e.Message}", e);
        }

        if (stream.Documents.Count != 1)
        {
            throw new ControlFileException($"{source}: holds {stream.Documents.Count} YAML documents; a Control export holds one.");
        }

        var budget = new int[] { MaxNodes };
        return Convert(stream.Documents[0].RootNode, source, 0, budget);
    }

    public static JToken ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ControlFileException($"{path}: no such file.");
        }

        if (info.Length > MaxBytes)
        {
            throw new ControlFileException($"{path}: larger than {MaxBytes} bytes.");
        }

        return Read(File.ReadAllText(path), path);
    }

    private static JToken Convert(YamlNode node, string source, int depth, int[] budget)
    {
        if (--budget[0] < 0)
        {
            throw new ControlFileException($"{source}: more than {MaxNodes} nodes once aliases are expanded.");
        }

        if (depth > MaxDepth)
        {
            throw new ControlFileException($"{source}: nested deeper than {MaxDepth} levels ({node.Start}).");
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return Scalar(scalar, source);
            case YamlSequenceNode sequence:
                RefuseTag(sequence, source);
                return new JArray(sequence.Children.Select(c => Convert(c, source, depth + 1, budget)));
            case YamlMappingNode mapping:
                var map = new JObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode keyScalar)
                    {
                        throw new ControlFileException($"{source}: a mapping key that is not a scalar ({key.Start}).");
                    }

                    var name = KeyName(keyScalar, source);
                    if (map.ContainsKey(name))
                    {
                        throw new ControlFileException($"{source}: key '{name}' twice in one mapping ({key.Start}).");
                    }

                    map[name] = Convert(value, source, depth + 1, budget);
                }

                if (mapping.Tag.IsEmpty)
                {
                    return map;
                }

                return mapping.Tag.Value == ControlView.MiqExpressionTag
                    ? new JObject { [ControlView.MiqExpressionKey] = map }
                    : throw new ControlFileException($"{source}: Tried to load unspecified class: {ClassOf(mapping.Tag.Value)} ({node.Start}); only MiqExpression and Symbol are permitted.");
            default:
                throw new ControlFileException($"{source}: unexpected YAML node at {node.Start}.");
        }
    }

    private static string KeyName(YamlScalarNode key, string source)
    {
        var value = Scalar(key, source);
        return value.Type == JTokenType.String
            ? (string)value!
            : throw new ControlFileException($"{source}: key '{key.Value}' is not a string or symbol ({key.Start}).");
    }

    private static JToken Scalar(YamlScalarNode scalar, string source)
    {
        var text = scalar.Value ?? string.Empty;
        if (!scalar.Tag.IsEmpty && scalar.Tag.Value is not ("tag:yaml.org,2002:str" or "!"))
        {
            throw new ControlFileException($"{source}: tag {scalar.Tag.Value} on '{text}' is not read by the bridge ({scalar.Start}).");
        }

        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
        {
            return text;
        }

        if (text.Length == 0 || text is "~" or "null" or "Null" or "NULL")
        {
            return JValue.CreateNull();
        }

        if (TrueWords().IsMatch(text))
        {
            return true;
        }

        if (FalseWords().IsMatch(text))
        {
            return false;
        }

        if (text.Length > 1 && text[0] == ControlView.SymbolPrefix)
        {
            return text;
        }

        if (PlainInteger().IsMatch(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new ControlFileException($"{source}: integer '{text}' out of range ({scalar.Start}).");
        }

        if (PlainFloat().IsMatch(text))
        {
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (Ambiguous().IsMatch(text))
        {
            throw new ControlFileException($"{source}: '{text}' is a number or date in Psych's rules that the bridge does not read the same way; quote it ({scalar.Start}).");
        }

        return text;
    }

    private static void RefuseTag(YamlNode node, string source)
    {
        if (!node.Tag.IsEmpty)
        {
            throw new ControlFileException($"{source}: Tried to load unspecified class: {ClassOf(node.Tag.Value)} ({node.Start}).");
        }
    }

    private static string ClassOf(string tag) => tag.StartsWith("!ruby/object:", StringComparison.Ordinal) ? tag["!ruby/object:".Length..] : tag;

    [GeneratedRegex("^(yes|Yes|YES|true|True|TRUE|on|On|ON)$", RegexOptions.CultureInvariant)]
    private static partial Regex TrueWords();

    [GeneratedRegex("^(no|No|NO|false|False|FALSE|off|Off|OFF)$", RegexOptions.CultureInvariant)]
    private static partial Regex FalseWords();

    [GeneratedRegex("^[-+]?(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainInteger();

    // Psych's float wants a signed exponent: "1.5e3" is a string to it, and refused here as ambiguous.
    [GeneratedRegex(@"^[-+]?[0-9]+\.[0-9]+([eE][-+][0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainFloat();

    // Octal, hex, binary, separators, sexagesimal, dates, .inf/.nan: Psych reads them as non-strings.
    [GeneratedRegex(@"^([-+]?(0[0-9_,]+|0[xob][0-9a-fA-F_,]*|[0-9][0-9_,:]*(\.[0-9_,]*)?([eE][-+]?[0-9]+)?|\.[0-9]+)|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Ambiguous();
}
