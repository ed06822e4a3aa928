using System.Xml;

namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>
/// Reads an XCCDF text element that may hold XHTML (description, rationale, fixtext) as plain text: the text of
/// every element, none of its markup, with line breaks where XHTML structure puts them (<see cref="ProseText"/>).
/// Attributes are never read, so links, images and scripts in the markup leave nothing but their text.
/// </summary>
internal sealed class ProseReader(int maxDepth, int maxLength, Func<string, Exception> fail)
{
    private const string Xhtml = "http://www.w3.org/1999/xhtml";

    private readonly ProseText _prose = new();
    private readonly char[] _chunk = new char[4096];

    /// <summary>
    /// On a start tag: consumes the element and returns its text, cut to <paramref name="keep"/> characters.
    /// </summary>
    /// <exception cref="Exception">From <c>fail</c>: the text is longer than <c>maxLength</c>, nests too deep, or the document ends.</exception>
    public string Read(XmlReader reader, int keep)
    {
        _prose.Start(keep);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var depth = reader.Depth;
        var length = 0;
        var pre = 0;
        while (true)
        {
            if (!reader.Read())
            {
                throw fail("the document ends inside an element");
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    length = AppendValue(reader, length, pre > 0);
                    break;
                case XmlNodeType.Element:
                    if (reader.Depth >= maxDepth)
                    {
                        throw fail($"elements nest deeper than {maxDepth} levels (MaxDepth)");
                    }

                    if (Structure(reader, opening: true) && !reader.IsEmptyElement)
                    {
                        pre++;
                    }

                    break;
                case XmlNodeType.EndElement when reader.Depth == depth:
                    reader.Read();
                    return _prose.Build();
                case XmlNodeType.EndElement:
                    if (Structure(reader, opening: false))
                    {
                        pre--;
                    }

                    break;
            }
        }
    }

    private int AppendValue(XmlReader reader, int length, bool verbatim)
    {
        int n;
        while ((n = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            length += n;
            if (length > maxLength)
            {
                throw fail($"a text value is longer than {maxLength} characters (MaxTextLength)");
            }

            if (verbatim)
            {
                _prose.AppendVerbatim(_chunk.AsSpan(0, n));
            }
            else
            {
                _prose.Append(_chunk.AsSpan(0, n));
            }
        }

        return length;
    }

    /// <summary>Applies the line breaks of an XHTML start or end tag; true when it is a <c>pre</c>.</summary>
    private bool Structure(XmlReader reader, bool opening)
    {
        if (reader.NamespaceURI != Xhtml)
        {
            return false;
        }

        switch (reader.LocalName)
        {
            case "br":
                if (opening)
                {
                    _prose.LineBreak();
                }

                return false;
            case "li":
                if (opening)
                {
                    _prose.ListItem();
                }

                return false;
            case "tr" or "dt" or "dd":
                if (opening)
                {
                    _prose.LineBreak();
                }

                return false;
            case "pre":
                _prose.ParagraphBreak();
                return true;
            case "p" or "div" or "ul" or "ol" or "dl" or "table" or "blockquote" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                _prose.ParagraphBreak();
                return false;
            default:
                return false;
        }
    }
}
