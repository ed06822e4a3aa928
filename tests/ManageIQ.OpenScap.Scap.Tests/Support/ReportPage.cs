using System.Text;
using System.Xml;

namespace ManageIQ.OpenScap.Scap.Tests.Support;

/// <summary>
/// A rendered report page read back with an XML parser (the page is well-formed XHTML-compatible HTML), so tests
/// see exactly which elements and attributes it has and what text a browser shows.
/// </summary>
public sealed class ReportPage
{
    private ReportPage(IReadOnlySet<string> elements, IReadOnlyList<(string Name, string Value)> attributes, string text, string style)
    {
        Elements = elements;
        Attributes = attributes;
        Text = text;
        Style = style;
    }

    public IReadOnlySet<string> Elements { get; }

    public IReadOnlyList<(string Name, string Value)> Attributes { get; }

    /// <summary>The text of the body, entities decoded.</summary>
    public string Text { get; }

    /// <summary>The text of every <c>style</c> element.</summary>
    public string Style { get; }

    public static ReportPage Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        var elements = new HashSet<string>(StringComparer.Ordinal);
        var attributes = new List<(string, string)>();
        var text = new StringBuilder();
        var style = new StringBuilder();
        var inBody = false;
        var inStyle = false;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    elements.Add(reader.Name);
                    inBody |= reader.Name == "body";
                    inStyle = reader.Name == "style";
                    while (reader.MoveToNextAttribute())
                    {
                        attributes.Add((reader.Name, reader.Value));
                    }

                    break;
                case XmlNodeType.EndElement:
                    inStyle = false;
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    (inStyle ? style : inBody ? text : new StringBuilder()).Append(reader.Value);
                    break;
            }
        }

        return new ReportPage(elements, attributes, text.ToString(), style.ToString());
    }
}
