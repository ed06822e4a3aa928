using System.Xml;
using ManageIQ.OpenScap.Scap.Reading;

namespace ManageIQ.OpenScap.Scap.Benchmarks;

/// <summary>
/// The alternative measured against keeping rule texts in the summary pass (see docs/html-report.md): after
/// the summary, a second streaming pass over the file reads rationale and fix text of the failed rules only,
/// stopping once all are found or the Benchmark ends (in an ARF it precedes the TestResult).
/// </summary>
internal static class SecondPassRuleTexts
{
    private const string Xccdf12 = "http://checklists.nist.gov/xccdf/1.2";

    /// <summary>The texts found, and how many decoded bytes the pass read before it stopped.</summary>
    public static async Task<(Dictionary<string, (string? Rationale, string? FixText)> Texts, long BytesRead)> ReadAsync(
        string path, IReadOnlySet<string> ruleIds, ScapReaderOptions options, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        await using var document = await ScapInput.OpenAsync(file, path, options, cancellationToken);
        using var reader = XmlReader.Create(document, ScapDocumentParser.ReaderSettings(new NameTable()));
        var prose = new ProseReader(options.MaxDepth, options.MaxTextLength, reason => new ScapFormatException(path, 0, 0, reason));
        var benchmarkDepth = -1;
        reader.Read();
        while (!reader.EOF && found.Count < ruleIds.Count)
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == benchmarkDepth)
            {
                break;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == Xccdf12)
            {
                if (reader.LocalName == "Benchmark")
                {
                    benchmarkDepth = reader.Depth;
                }
                else if (reader.LocalName == "Rule" && reader.GetAttribute("id") is { } id && ruleIds.Contains(id))
                {
                    found[id] = ReadRule(reader, prose, options.MaxRuleTextLength);
                    continue;
                }
            }

            reader.Read();
        }

        return (found, document.BytesRead);
    }

    /// <summary>On a Rule start tag: consumes it and returns its first rationale and fixtext.</summary>
    private static (string?, string?) ReadRule(XmlReader reader, ProseReader prose, int keep)
    {
        string? rationale = null;
        string? fixText = null;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return (null, null);
        }

        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && reader.NamespaceURI == Xccdf12)
            {
                if (rationale is null && reader.LocalName == "rationale")
                {
                    rationale = prose.Read(reader, keep);
                    continue;
                }

                if (fixText is null && reader.LocalName == "fixtext")
                {
                    fixText = prose.Read(reader, keep);
                    continue;
                }

                reader.Skip();
                continue;
            }

            reader.Read();
        }

        reader.Read();
        return (rationale, fixText);
    }
}
