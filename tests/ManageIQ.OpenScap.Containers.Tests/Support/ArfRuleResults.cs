using System.Xml;

namespace ManageIQ.OpenScap.Containers.Tests.Support;

/// <summary>Every XCCDF rule-result of an ARF: rule id to result (pass, fail, notapplicable, notselected, ...).</summary>
public static class ArfRuleResults
{
    private const string Xccdf = "http://checklists.nist.gov/xccdf/1.2";

    public static Dictionary<string, string> Read(string arf)
    {
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = XmlReader.Create(new StringReader(arf), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.ReadToFollowing("rule-result", Xccdf))
        {
            var rule = reader.GetAttribute("idref") ?? string.Empty;
            using var inner = reader.ReadSubtree();
            if (inner.ReadToFollowing("result", Xccdf))
            {
                results[rule] = inner.ReadElementContentAsString();
            }
        }

        return results;
    }

    /// <summary>The rules whose result differs, as "host -> container".</summary>
    public static Dictionary<string, string> Differences(IReadOnlyDictionary<string, string> host, IReadOnlyDictionary<string, string> container) =>
        host.Keys.Union(container.Keys)
            .Where(r => host.GetValueOrDefault(r) != container.GetValueOrDefault(r))
            .ToDictionary(r => r, r => $"{host.GetValueOrDefault(r, "absent")} -> {container.GetValueOrDefault(r, "absent")}", StringComparer.Ordinal);
}
