using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>
/// One forward-only XmlReader pass over an ARF, XCCDF result or OVAL results document. Every handler starts on
/// a start tag and consumes its element entirely, leaving the reader on the next node. Unneeded subtrees (the
/// embedded data stream's OVAL content, system characteristics, criteria) are skipped without being kept.
/// No method is marked AggressiveOptimization: that keeps it out of the ReadyToRun image, so every process
/// (the bridge runs one per ARF) would JIT it at start-up; the bridge's tiering settings promote the hot ones.
/// </summary>
internal sealed partial class ScapDocumentParser
{
    private readonly XmlReader _reader;
    private readonly IXmlLineInfo _lineInfo;
    private readonly ScapNames _names;
    private readonly string _source;
    private readonly int _maxDepth;
    private readonly int _maxText;
    private readonly int _maxFailed;
    private readonly int _maxRuleText;
    private readonly ProseReader _prose;
    private int _ruleTextBudget;
    private readonly SummaryBuilder _summary = new();
    private readonly StringBuilder _text = new();
    private readonly char[] _chunk = new char[4096];

    private ScapDocumentParser(XmlReader reader, ScapNames names, string sourceName, ScapReaderOptions options)
    {
        _reader = reader;
        _lineInfo = (IXmlLineInfo)reader;
        _names = names;
        _source = sourceName;
        _maxDepth = options.MaxDepth;
        _maxText = options.MaxTextLength;
        _maxFailed = options.MaxFailedResults;
        _maxRuleText = options.MaxRuleTextLength;
        _ruleTextBudget = options.MaxRuleTextCharacters;
        _prose = new ProseReader(_maxDepth, _maxText, Fail);
    }

    /// <summary>Reads <paramref name="document"/> to its end and returns the summary.</summary>
    /// <exception cref="ScapFormatException">The document is malformed, hostile, over a limit or not a SCAP result.</exception>
    public static ScapSummary Parse(Stream document, string sourceName, ScapReaderOptions options)
    {
        var names = new NameTable();
        using var reader = XmlReader.Create(document, ReaderSettings(names));
        try
        {
            return new ScapDocumentParser(reader, new ScapNames(names), sourceName, options).ParseDocument();
        }
        catch (XmlException ex)
        {
            // Some errors (a refused DTD) carry no position; the reader still knows where it stopped.
            var at = (IXmlLineInfo)reader;
            var (line, position) = ex.LineNumber > 0 ? (ex.LineNumber, ex.LinePosition) : (at.LineNumber, at.LinePosition);
            throw new ScapFormatException(sourceName, line, position, Describe(ex), ex);
        }
    }

    /// <summary>The reader settings for untrusted SCAP documents: no DTD, no resolver, no comments or white-space nodes.</summary>
    internal static XmlReaderSettings ReaderSettings(XmlNameTable names) => new()
    {
        NameTable = names,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    private ScapSummary ParseDocument()
    {
        if (_reader.MoveToContent() != XmlNodeType.Element)
        {
            throw Fail("the document has no root element");
        }

        ReadRoot();

        // Only comments and processing instructions may follow the root; reading on proves the file is whole.
        while (_reader.Read())
        {
        }

        return Finish();
    }

    private void ReadRoot()
    {
        var ns = _reader.NamespaceURI;
        var name = _reader.LocalName;
        if (Is(ns, _names.Arf) && Is(name, _names.AssetReportCollection))
        {
            _summary.Kind = ScapResultKind.Arf;
            ReadContainer();
        }
        else if (_names.IsXccdf(ns) && Is(name, _names.Benchmark))
        {
            _summary.Kind = ScapResultKind.Xccdf;
            ReadBenchmark();
        }
        else if (_names.IsXccdf(ns) && Is(name, _names.TestResult))
        {
            _summary.Kind = ScapResultKind.Xccdf;
            ReadTestResult();
        }
        else if (Is(ns, _names.OvalResults5) && Is(name, _names.OvalResults))
        {
            _summary.Kind = ScapResultKind.Oval;
            ReadOvalResults();
        }
        else if (Is(ns, _names.DataStream) || Is(ns, _names.OvalDefinitions5))
        {
            throw Fail($"<{_reader.Name}> is SCAP content (a data stream or OVAL definitions), not a result; evaluate it with oscap first");
        }
        else
        {
            throw Fail($"the root element <{Limit(_reader.Name)}> (namespace '{Limit(ns)}') is not an ARF report collection, an XCCDF result or an OVAL results document");
        }
    }

    /// <summary>ARF and data stream wrappers: descend until a Benchmark, TestResult or oval_results shows up.</summary>
    private void ReadContainer()
    {
        var depth = _reader.Depth;
        if (!Enter())
        {
            return;
        }

        while (NextChild(depth))
        {
            var ns = _reader.NamespaceURI;
            var name = _reader.LocalName;
            if (_names.IsXccdf(ns) && Is(name, _names.Benchmark))
            {
                ReadBenchmark();
            }
            else if (_names.IsXccdf(ns) && Is(name, _names.TestResult))
            {
                ReadTestResult();
            }
            else if (Is(ns, _names.OvalResults5) && Is(name, _names.OvalResults))
            {
                ReadOvalResults();
            }
            else if (Is(ns, _names.Arf) || Is(ns, _names.DataStream))
            {
                ReadContainer();
            }
            else
            {
                Skip();
            }
        }
    }

    private ScapSummary Finish()
    {
        switch (_summary.Kind)
        {
            case ScapResultKind.Arf when _summary.TestResults == 0:
                throw Fail("the ARF holds no XCCDF TestResult, so it is not the result of an XCCDF evaluation");
            case ScapResultKind.Xccdf when _summary.TestResults == 0:
                throw Fail("the XCCDF Benchmark holds no TestResult: it is SCAP content, not a result");
            case ScapResultKind.Oval when _summary.OvalSystems == 0:
                throw Fail("the OVAL results document has no results/system element");
            default:
                return _summary.Build(_source);
        }
    }

    private static bool Is(string atom, string name) => ReferenceEquals(atom, name);

    private static string Limit(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 120), "...");

    private static string Describe(XmlException ex)
    {
        if (ex.Message.Contains("DTD is prohibited", StringComparison.Ordinal))
        {
            return "a DTD (<!DOCTYPE>) is not allowed in SCAP results: entities and external resources are refused";
        }

        return TrailingPosition().Replace(ex.Message, string.Empty);
    }

    [GeneratedRegex(@"\s*Line \d+, position \d+\.$")]
    private static partial Regex TrailingPosition();
}
