using System.Xml;

namespace ManageIQ.OpenScap.Oval;

/// <summary>
/// The first pass: one forward read of the feed that keeps each definition's criteria tree, the package tests and
/// objects, and every item's references (<see cref="FeedIndex"/>). Memory grows with the number of ids, not the feed's size.
/// </summary>
internal sealed class FeedIndexReader
{
    private readonly XmlReader _reader;
    private readonly string _source;
    private readonly OvalSlimLimits _limits;
    private readonly CancellationToken _cancellationToken;
    private readonly FeedIndex _index = new();
    private readonly List<string> _references = [];
    private int _items;

    private FeedIndexReader(XmlReader reader, string source, OvalSlimLimits limits, CancellationToken cancellationToken)
    {
        _reader = reader;
        _source = source;
        _limits = limits;
        _cancellationToken = cancellationToken;
    }

    public static FeedIndex Read(string path, OvalSlimLimits limits, CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(FeedInput.Open(path, limits.MaxInputBytes), FeedInput.ReaderSettings(ignoreWhitespace: true));
        var source = Path.GetFileName(path);
        try
        {
            return new FeedIndexReader(reader, source, limits, cancellationToken).ReadDocument();
        }
        catch (XmlException e)
        {
            throw new OvalFormatException($"The CVE feed {source} is not well-formed XML: {e.Message}", e);
        }
    }

    private FeedIndex ReadDocument()
    {
        _reader.MoveToContent();
        if (_reader.NodeType != XmlNodeType.Element || _reader.LocalName != OvalNames.Root || _reader.NamespaceURI != OvalNames.Definitions)
        {
            throw Error($"is not an OVAL definitions document (its root element is {_reader.Name}, not {OvalNames.Root} in {OvalNames.Definitions})");
        }

        string? section = null;
        while (_reader.Read())
        {
            if (_reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (_reader.Depth == 1)
            {
                section = _reader.NamespaceURI == OvalNames.Definitions ? _reader.LocalName : null;
                continue;
            }

            if (_reader.Depth != 2)
            {
                // Only below an item we do not read (a signature's content, an unknown section).
                CheckDepth(_reader.Depth);
                continue;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            switch (section)
            {
                case OvalNames.DefinitionsSection when _reader.LocalName == OvalNames.Definition && _reader.NamespaceURI == OvalNames.Definitions:
                    ReadDefinition();
                    break;
                case OvalNames.TestsSection or OvalNames.ObjectsSection or OvalNames.StatesSection or OvalNames.VariablesSection:
                    ReadItem(section);
                    break;
            }
        }

        return _index;
    }

    private void ReadDefinition()
    {
        var id = Id();
        if (_index.Definitions.ContainsKey(id))
        {
            throw Error($"defines {id} twice");
        }

        CriteriaNode? criteria = null;
        if (!_reader.IsEmptyElement)
        {
            var depth = _reader.Depth;
            _reader.Read();
            while (!(_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth) && !_reader.EOF)
            {
                if (_reader.NodeType == XmlNodeType.Element && _reader.Depth == depth + 1 && _reader.LocalName == OvalNames.Criteria && _reader.NamespaceURI == OvalNames.Definitions)
                {
                    criteria = ReadCriteria(1);
                }
                else if (_reader.NodeType == XmlNodeType.Element)
                {
                    CheckDepth(_reader.Depth);
                    _reader.Skip();
                }
                else
                {
                    _reader.Read();
                }
            }
        }

        _index.Definitions[id] = criteria;
    }

    /// <summary>Reads a criteria element and its children, leaving the reader after it.</summary>
    private CriteriaNode ReadCriteria(int nesting)
    {
        if (nesting > _limits.MaxDepth)
        {
            throw Error($"nests criteria more than {_limits.MaxDepth} deep");
        }

        var op = CriteriaLogic.ParseOperator(_reader.GetAttribute("operator"));
        var negate = Negate();
        var children = new List<CriteriaNode>();
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return new CriteriaNode(CriteriaNodeKind.Criteria, negate, op, null, children);
        }

        var depth = _reader.Depth;
        _reader.Read();
        while (!(_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth) && !_reader.EOF)
        {
            if (_reader.NodeType != XmlNodeType.Element)
            {
                _reader.Read();
                continue;
            }

            var isOval = _reader.NamespaceURI == OvalNames.Definitions;
            switch (_reader.LocalName)
            {
                case OvalNames.Criteria when isOval:
                    children.Add(ReadCriteria(nesting + 1));
                    continue;
                case OvalNames.Criterion when isOval:
                    children.Add(CriteriaNode.Criterion(Reference("test_ref"), Negate()));
                    break;
                case OvalNames.ExtendDefinition when isOval:
                    children.Add(CriteriaNode.Extend(Reference("definition_ref"), Negate()));
                    break;
                default:
                    // Not OVAL's: oscap would refuse it, so the criteria cannot be decided.
                    children.Add(CriteriaNode.Criterion(null, negate: false));
                    break;
            }

            CheckDepth(_reader.Depth);
            _reader.Skip();
        }

        _reader.Read();
        return new CriteriaNode(CriteriaNodeKind.Criteria, negate, op, null, children);
    }

    /// <summary>A test, object, state or variable: its references, and what a package test or object says.</summary>
    private void ReadItem(string section)
    {
        var id = Id();
        if (_index.References.ContainsKey(id))
        {
            throw Error($"defines {id} twice");
        }

        var localName = _reader.LocalName;
        var database = _reader.NamespaceURI != OvalNames.Linux ? (PackageDatabase?)null
            : section == OvalNames.TestsSection ? localName switch { OvalNames.DpkgTest => PackageDatabase.Dpkg, OvalNames.RpmTest => PackageDatabase.Rpm, _ => null }
            : section == OvalNames.ObjectsSection ? localName switch { OvalNames.DpkgObject => PackageDatabase.Dpkg, OvalNames.RpmObject => PackageDatabase.Rpm, _ => null }
            : null;
        var checkExistence = _reader.GetAttribute("check_existence");
        _references.Clear();
        AddReferences();

        string? objectRef = null;
        var hasState = false;
        string? packageName = null;
        var simpleObject = true;
        var nameCount = 0;
        if (!_reader.IsEmptyElement)
        {
            var depth = _reader.Depth;
            string? referenceText = null;
            while (_reader.Read() && !(_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth))
            {
                if (_reader.NodeType == XmlNodeType.Element)
                {
                    CheckDepth(_reader.Depth);
                    AddReferences();
                    var child = _reader.Depth == depth + 1;
                    referenceText = OvalNames.HoldsReference(_reader.LocalName) ? string.Empty : null;
                    if (child && _reader.LocalName == "object" && objectRef is null)
                    {
                        objectRef = _reader.GetAttribute("object_ref");
                    }
                    else if (child && _reader.LocalName == "state")
                    {
                        hasState = true;
                    }
                    else if (child && _reader.LocalName == "name" && _reader.NamespaceURI == OvalNames.Linux)
                    {
                        nameCount++;
                        simpleObject &= _reader.GetAttribute("var_ref") is null
                            && _reader.GetAttribute("operation") is null or "equals"
                            && _reader.GetAttribute("datatype") is null or "string";
                        packageName = _reader.IsEmptyElement ? string.Empty : null;
                    }
                    else if (child && !(_reader.LocalName is "notes" or "behaviors"))
                    {
                        // A set, a filter, or anything unknown: what the probe collects is not just "the package named".
                        simpleObject = false;
                    }
                    else if (!child)
                    {
                        simpleObject &= _reader.LocalName == "note";
                    }
                }
                else if (_reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
                {
                    if (referenceText is not null)
                    {
                        referenceText += _reader.Value;
                        Bounded(referenceText);
                    }

                    if (_reader.Depth == depth + 2 && packageName is null && nameCount == 1)
                    {
                        packageName = Bounded(_reader.Value);
                    }
                    else if (_reader.Depth == depth + 2 && nameCount == 1 && packageName is not null)
                    {
                        packageName = Bounded(packageName + _reader.Value);
                    }
                }
                else if (_reader.NodeType == XmlNodeType.EndElement && referenceText is not null)
                {
                    if (referenceText.Trim() is { Length: > 0 } text)
                    {
                        _references.Add(text);
                    }

                    referenceText = null;
                }
            }
        }

        _index.References[id] = [.. _references];
        if (database is { } db && section == OvalNames.TestsSection && objectRef is not null)
        {
            _index.PackageTests[id] = new PackageTest(db, objectRef, checkExistence, hasState);
        }
        else if (database is { } objectDb && section == OvalNames.ObjectsSection)
        {
            _index.PackageObjects[id] = new PackageObject(objectDb, simpleObject && nameCount == 1 && !string.IsNullOrEmpty(packageName) ? packageName : null);
        }
    }

    private void AddReferences()
    {
        if (!_reader.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            if (_reader.LocalName.EndsWith("_ref", StringComparison.Ordinal) && _reader.NamespaceURI.Length == 0)
            {
                _references.Add(Bounded(_reader.Value));
            }
        }
        while (_reader.MoveToNextAttribute());
        _reader.MoveToElement();
    }

    private string Id()
    {
        if (++_items > _limits.MaxItems)
        {
            throw Error($"has more than {_limits.MaxItems} definitions, tests, objects, states and variables");
        }

        var id = _reader.GetAttribute("id");
        if (string.IsNullOrEmpty(id))
        {
            throw Error($"has a {_reader.LocalName} without an id");
        }

        return Bounded(id);
    }

    private string? Reference(string attribute) => _reader.GetAttribute(attribute) is { } value ? Bounded(value) : null;

    private bool Negate() => _reader.GetAttribute("negate") is "true" or "1";

    private string Bounded(string value) =>
        value.Length <= _limits.MaxIdLength ? value : throw Error($"has an id or name longer than {_limits.MaxIdLength} characters");

    private void CheckDepth(int depth)
    {
        if (depth > _limits.MaxDepth)
        {
            throw Error($"nests elements more than {_limits.MaxDepth} deep");
        }
    }

    private OvalFormatException Error(string what)
    {
        var where = _reader is IXmlLineInfo info && info.HasLineInfo() ? $" (line {info.LineNumber}, position {info.LinePosition})" : string.Empty;
        return new OvalFormatException($"The CVE feed {_source} {what}{where}.");
    }
}
