using System.Globalization;
using System.Text.RegularExpressions;
using ManageIQ.OpenScap.Compliance.Evaluation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ManageIQ.OpenScap.Compliance.Waivers;

/// <summary>
/// Reads the waiver file: one YAML mapping with a <c>waivers</c> list, each entry a mapping of <c>id</c>,
/// <c>reason</c>, <c>owner</c>, <c>expires</c> (<c>yyyy-MM-dd</c>) and the optional scope <c>provider</c>,
/// <c>project</c>, <c>image</c>. Anything else is refused, naming the line; the input is bounded in size and entries.
/// </summary>
public static partial class WaiverFileParser
{
    /// <summary>The largest file read.</summary>
    public const int MaxBytes = 1024 * 1024;

    public const int MaxWaivers = 10_000;

    /// <summary>The longest value of any key.</summary>
    public const int MaxValueLength = 1024;

    public const string WaiversKey = "waivers";

    private static readonly string[] s_required = ["id", "reason", "owner", "expires"];
    private static readonly string[] s_keys = [.. s_required, "provider", "project", "image"];

    public static WaiverSet Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        if (text.Length > MaxBytes)
        {
            throw new WaiverFileException(file, 0, $"larger than {MaxBytes} bytes.");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new WaiverFileException(file, e.Start.Line, "not YAML: " + e.Message, e);
        }

        if (stream.Documents.Count == 0)
        {
            return WaiverSet.Empty;
        }

        if (stream.Documents.Count > 1)
        {
            throw new WaiverFileException(file, stream.Documents[1].RootNode.Start.Line, "a second YAML document; the file holds one.");
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
        {
            throw new WaiverFileException(file, root.Start.Line, $"the file is a mapping with the key '{WaiversKey}'.");
        }

        YamlSequenceNode? list = null;
        foreach (var (key, value) in mapping.Children)
        {
            if (Scalar(key) != WaiversKey)
            {
                throw new WaiverFileException(file, key.Start.Line, $"unknown key '{Scalar(key)}'; the file has only '{WaiversKey}'.");
            }

            list = value as YamlSequenceNode ?? throw new WaiverFileException(file, value.Start.Line, $"'{WaiversKey}' is a list of waivers.");
        }

        if (list is null)
        {
            return WaiverSet.Empty;
        }

        if (list.Children.Count > MaxWaivers)
        {
            throw new WaiverFileException(file, list.Start.Line, $"{list.Children.Count} waivers; the most is {MaxWaivers}.");
        }

        return new WaiverSet([.. list.Children.Select(node => Entry(node, file))]);
    }

    private static Waiver Entry(YamlNode node, string file)
    {
        var line = node.Start.Line;
        if (node is not YamlMappingNode entry)
        {
            throw new WaiverFileException(file, line, "a waiver is a mapping of id, reason, owner, expires and optional provider, project, image.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in entry.Children)
        {
            var key = Scalar(keyNode);
            if (key is null || !s_keys.Contains(key, StringComparer.Ordinal))
            {
                throw new WaiverFileException(file, keyNode.Start.Line, $"unknown key '{key}'; a waiver has {string.Join(", ", s_keys)}.");
            }

            var value = Scalar(valueNode)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                throw new WaiverFileException(file, valueNode.Start.Line, $"'{key}' is empty or not a single value.");
            }

            if (value.Length > MaxValueLength)
            {
                throw new WaiverFileException(file, valueNode.Start.Line, $"'{key}' is {value.Length} characters long; the most is {MaxValueLength}.");
            }

            // YamlDotNet refuses a key given twice ("Duplicate key") while loading.
            values[key] = value;
        }

        if (s_required.FirstOrDefault(k => !values.ContainsKey(k)) is { } missing)
        {
            throw new WaiverFileException(file, line, $"the waiver has no '{missing}'; each has {string.Join(", ", s_required)}.");
        }

        var id = values["id"];
        var kind = CveId().IsMatch(id) ? FindingKind.Cve : RuleId().IsMatch(id) ? FindingKind.Rule
            : throw new WaiverFileException(file, line, $"id '{id}' is neither a CVE id (CVE-2024-1234) nor an XCCDF rule id.");
        if (!DateOnly.TryParseExact(values["expires"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
        {
            throw new WaiverFileException(file, line, $"expires '{values["expires"]}' is not a date of the form yyyy-MM-dd.");
        }

        return new Waiver
        {
            Kind = kind,
            Id = kind == FindingKind.Cve ? id.ToUpperInvariant() : id,
            Reason = values["reason"],
            Owner = values["owner"],
            Expires = expires,
            Provider = values.GetValueOrDefault("provider"),
            Project = values.GetValueOrDefault("project"),
            Image = values.TryGetValue("image", out var image) ? new ImageNamePattern(image) : null,
            Line = checked((int)line),
        };
    }

    private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value;

    [GeneratedRegex("^CVE-[0-9]{4}-[0-9]{4,}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CveId();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleId();
}
