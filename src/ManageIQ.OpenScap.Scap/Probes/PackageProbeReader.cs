using System.Xml;
using ManageIQ.OpenScap.Scap.Reading;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scap.Probes;

/// <summary>
/// In every <c>oval_results</c> report: the dpkginfo/rpminfo objects of its definitions (by id, with a literal
/// name), the objects oscap collected (<c>collected_objects</c>: only evaluated definitions' objects are there),
/// and the items in <c>system_data</c>. The embedded source data stream is skipped.
/// </summary>
public sealed class PackageProbeReader(IOptions<ScapReaderOptions> options) : IPackageProbeReader
{
    private const string OvalDefinitions = "http://oval.mitre.org/XMLSchema/oval-definitions-5";
    private const string OvalResults = "http://oval.mitre.org/XMLSchema/oval-results-5";
    private const string OvalSystem = "http://oval.mitre.org/XMLSchema/oval-system-characteristics-5";
    private const int MaxNameLength = 1024;
    private static readonly string[] Probes = ["dpkginfo", "rpminfo"];

    public async Task<PackageProbeObservation> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            var document = await ScapInput.OpenAsync(stream, path, options.Value, cancellationToken).ConfigureAwait(false);
            await using (document.ConfigureAwait(false))
            {
                try
                {
                    return Read(document, cancellationToken);
                }
                catch (XmlException e)
                {
                    throw new ScapFormatException(path, e.LineNumber, e.LinePosition, e.Message, e);
                }
            }
        }
    }

    private static PackageProbeObservation Read(Stream document, CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(document, ScapDocumentParser.ReaderSettings(new NameTable()));
        var observation = PackageProbeObservation.Empty;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == OvalResults && reader.LocalName == "oval_results")
            {
                cancellationToken.ThrowIfCancellationRequested();
                observation = observation.Merge(ReadReport(reader.ReadSubtree(), cancellationToken));
            }
        }

        return observation;
    }

    /// <summary>One oval_results report: its objects, collected objects and items.</summary>
    private static PackageProbeObservation ReadReport(XmlReader reader, CancellationToken cancellationToken)
    {
        var objects = new Dictionary<string, (string Probe, string Name)>(StringComparer.Ordinal);
        var collected = new Dictionary<string, string?>(StringComparer.Ordinal);
        var found = new HashSet<(string, string)>();
        var items = new Dictionary<string, int>(StringComparer.Ordinal);
        using (reader)
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var probe = Probe(reader.LocalName, reader.LocalName.EndsWith("_object", StringComparison.Ordinal) ? "_object" : "_item");
                if (probe is not null && reader.NamespaceURI.StartsWith(OvalDefinitions + "#", StringComparison.Ordinal) && reader.LocalName.EndsWith("_object", StringComparison.Ordinal))
                {
                    if (reader.GetAttribute("id") is { } id && LiteralName(reader) is { } name)
                    {
                        objects[id] = (probe, name);
                    }
                }
                else if (probe is not null && reader.NamespaceURI.StartsWith(OvalSystem + "#", StringComparison.Ordinal) && reader.LocalName.EndsWith("_item", StringComparison.Ordinal))
                {
                    items[probe] = items.GetValueOrDefault(probe) + 1;
                    if (ItemName(reader) is { } name)
                    {
                        found.Add((probe, name));
                    }
                }
                else if (reader.NamespaceURI == OvalSystem && reader.LocalName == "object" && reader.GetAttribute("id") is { } collectedId)
                {
                    collected[collectedId] = reader.GetAttribute("flag");
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }

        var asked = objects.Where(o => collected.ContainsKey(o.Key))
            .GroupBy(o => o.Value)
            .Select(g => new ProbedPackage(g.Key.Probe, g.Key.Name, found.Contains((g.Key.Probe, g.Key.Name)), g.Any(o => collected[o.Key] == "error")))
            .ToList();
        return new PackageProbeObservation { Asked = asked, Items = items };
    }

    private static string? Probe(string localName, string suffix) =>
        Probes.FirstOrDefault(p => localName.Length == p.Length + suffix.Length && localName.StartsWith(p, StringComparison.Ordinal) && localName.EndsWith(suffix, StringComparison.Ordinal));

    /// <summary>The object's <c>name</c> when it is a literal equals match; null for a pattern, a variable or a set.</summary>
    private static string? LiteralName(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var depth = reader.Depth;
        string? name = null;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && reader.LocalName == "name")
            {
                var operation = reader.GetAttribute("operation");
                var literal = reader.GetAttribute("var_ref") is null && (operation is null or "equals");
                var text = reader.IsEmptyElement ? string.Empty : reader.ReadElementContentAsString();
                name = literal && text.Length is > 0 and <= MaxNameLength ? text.Trim() : null;
                if (reader.Depth <= depth)
                {
                    break;
                }
            }
        }

        return name;
    }

    private static string? ItemName(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var depth = reader.Depth;
        string? name = null;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && reader.LocalName == "name" && !reader.IsEmptyElement)
            {
                var text = reader.ReadElementContentAsString();
                name = text.Length <= MaxNameLength ? text.Trim() : null;
                if (reader.Depth <= depth)
                {
                    break;
                }
            }
        }

        return name;
    }
}
