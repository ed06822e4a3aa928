using System.Globalization;
using System.Xml;

namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>Forward-only navigation helpers that enforce the depth and text limits.</summary>
internal sealed partial class ScapDocumentParser
{
    /// <summary>On a start tag: moves inside and returns true, or consumes an empty element and returns false.</summary>
    private bool Enter()
    {
        if (_reader.IsEmptyElement)
        {
            // An empty root is followed by the end of the document, so Read may rightly return false here.
            _reader.Read();
            return false;
        }

        Advance();
        return true;
    }

    /// <summary>Moves to the next child start tag of the element at <paramref name="depth"/>; false once its end tag is consumed.</summary>
    private bool NextChild(int depth)
    {
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    CheckDepth();
                    return true;
                case XmlNodeType.EndElement when _reader.Depth == depth:
                    _reader.Read();
                    return false;
                case XmlNodeType.None:
                    throw Fail("the document ends inside an element");
            }

            Advance();
        }
    }

    /// <summary>Consumes the element at the reader (a start tag) and everything in it.</summary>
    private void Skip()
    {
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return;
        }

        var depth = _reader.Depth;
        while (_reader.Read())
        {
            var type = _reader.NodeType;
            if (type == XmlNodeType.Element)
            {
                CheckDepth();
            }
            else if (type == XmlNodeType.EndElement && _reader.Depth == depth)
            {
                _reader.Read();
                return;
            }
        }

        throw Fail("the document ends inside an element");
    }

    /// <summary>
    /// Consumes the element at the reader and returns its text (text of child elements included), trimmed. Text is
    /// read in chunks so an oversized value is refused before it is held in memory.
    /// </summary>
    private string ReadText()
    {
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return string.Empty;
        }

        var depth = _reader.Depth;
        _text.Clear();
        while (true)
        {
            Advance();
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    AppendValue();
                    break;
                case XmlNodeType.Element:
                    CheckDepth();
                    break;
                case XmlNodeType.EndElement when _reader.Depth == depth:
                    _reader.Read();
                    return _text.ToString().Trim();
                case XmlNodeType.None:
                    throw Fail("the document ends inside an element");
            }
        }
    }

    private void AppendValue()
    {
        int n;
        while ((n = _reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            _text.Append(_chunk, 0, n);
            if (_text.Length > _maxText)
            {
                throw Fail($"a text value is longer than {_maxText} characters (MaxTextLength)");
            }
        }
    }

    private string? Attribute(string name)
    {
        var value = _reader.GetAttribute(name);
        if (value is not null && value.Length > _maxText)
        {
            throw Fail($"attribute '{name}' is longer than {_maxText} characters (MaxTextLength)");
        }

        return value;
    }

    private string RequiredAttribute(string name) =>
        Attribute(name) ?? throw Fail($"<{_reader.LocalName}> has no '{name}' attribute");

    private double ParseNumber(string text, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw Fail($"{what} '{Limit(text)}' is not a number");

    private DateTimeOffset? ParseTime(string? text, string what)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw Fail($"{what} '{Limit(text)}' is not an xsd:dateTime");
    }

    private void Advance()
    {
        if (!_reader.Read())
        {
            throw Fail("the document ends inside an element");
        }
    }

    private void CheckDepth()
    {
        if (_reader.Depth >= _maxDepth)
        {
            throw Fail($"elements nest deeper than {_maxDepth} levels (MaxDepth)");
        }
    }

    private ScapFormatException Fail(string reason) =>
        new(_source, _lineInfo.LineNumber, _lineInfo.LinePosition, reason);

    private ScapFormatException FailAt(int line, int position, string reason) =>
        new(_source, line, position, reason);
}
