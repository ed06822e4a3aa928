using System.Xml;

namespace ManageIQ.OpenScap.Oval.Tests;

/// <summary>Reads what a test needs from OVAL documents: oscap's true definitions, a feed's definition ids.</summary>
internal static class OvalResults
{
    private const string ResultsNamespace = "http://oval.mitre.org/XMLSchema/oval-results-5";
    private const string DefinitionsNamespace = "http://oval.mitre.org/XMLSchema/oval-definitions-5";

    /// <summary>The ids of the definitions oscap's results call true.</summary>
    public static SortedSet<string> TrueDefinitions(string resultsPath)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        using var reader = XmlReader.Create(resultsPath, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "definition" && reader.NamespaceURI == ResultsNamespace && reader.GetAttribute("result") == "true")
            {
                ids.Add(reader.GetAttribute("definition_id")!);
            }
        }

        return ids;
    }

    /// <summary>Each test's result in oscap's results.</summary>
    public static Dictionary<string, string> TestResults(string resultsPath)
    {
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = XmlReader.Create(resultsPath, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "test" && reader.NamespaceURI == ResultsNamespace)
            {
                results[reader.GetAttribute("test_id")!] = reader.GetAttribute("result")!;
            }
        }

        return results;
    }

    /// <summary>The ids of the items of one kind (definition, or a test/object/state element's local name ending) in a feed.</summary>
    public static SortedSet<string> Ids(string feedPath, string section)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        using var reader = XmlReader.Create(feedPath, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var inSection = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1)
            {
                inSection = reader.LocalName == section && reader.NamespaceURI == DefinitionsNamespace;
            }
            else if (inSection && reader.NodeType == XmlNodeType.Element && reader.Depth == 2)
            {
                ids.Add(reader.GetAttribute("id")!);
            }
        }

        return ids;
    }
}
