using System.Xml;
using System.Xml.Linq;

namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// Every file a data stream's OVAL reads with textfilecontent54, made concrete: literal paths as
/// they are, patterns through <see cref="RegexExamples"/>, constant variables by their values.
/// Variables computed at scan time (local_variable) come from the image's own files, which are
/// in the list themselves.
/// </summary>
public sealed record TextFileContentPaths(IReadOnlyList<string> Files, IReadOnlyList<string> Directories)
{
    private static readonly XNamespace Definitions = "http://oval.mitre.org/XMLSchema/oval-definitions-5";
    private static readonly XNamespace Independent = "http://oval.mitre.org/XMLSchema/oval-definitions-5#independent";

    /// <summary>Files read by name (<c>filepath</c>) or found in a directory (<c>path</c> + <c>filename</c>), and those directories.</summary>
    public static TextFileContentPaths FromDataStream(string dataStreamPath)
    {
        using var reader = XmlReader.Create(dataStreamPath, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var document = XDocument.Load(reader);
        var constants = document.Descendants(Definitions + "constant_variable")
            .ToDictionary(v => (string)v.Attribute("id")!, v => v.Elements(Definitions + "value").Select(e => e.Value).ToList(), StringComparer.Ordinal);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var directories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in document.Descendants(Independent + "textfilecontent54_object"))
        {
            if (item.Element(Independent + "filepath") is { } filepath)
            {
                files.UnionWith(Values(filepath, constants));
            }
            else if (item.Element(Independent + "path") is { } path && item.Element(Independent + "filename") is { } filename)
            {
                foreach (var directory in Values(path, constants))
                {
                    directories.Add(directory);
                    files.UnionWith(Values(filename, constants).Select(name => directory.TrimEnd('/') + "/" + name));
                }
            }

            // The rest are sets of other objects, which are in the list themselves.
        }

        return new TextFileContentPaths([.. files], [.. directories]);
    }

    private static IEnumerable<string> Values(XElement element, Dictionary<string, List<string>> constants)
    {
        var literal = element.Attribute("var_ref") is { } reference
            ? constants.GetValueOrDefault(reference.Value) ?? []
            : [element.Value];
        return (string?)element.Attribute("operation") == "pattern match"
            ? literal.SelectMany(RegexExamples.For)
            : literal;
    }
}
