using System.Globalization;
using System.Text;
using System.Xml;

namespace ManageIQ.OpenScap.Oval;

/// <summary>
/// The second pass: copies the feed node by node, leaving out the definitions, tests, objects, states and variables
/// not in the selection, a section left empty (the schema wants at least one child) and the XML signature (which
/// the slimmed document would no longer match). Kept items are copied as they are, whitespace included.
/// </summary>
internal static class FeedWriter
{
    private static readonly string[] Sections =
        [OvalNames.DefinitionsSection, OvalNames.TestsSection, OvalNames.ObjectsSection, OvalNames.StatesSection, OvalNames.VariablesSection];

    public static void Write(string inputPath, string outputPath, FeedSelection selection, int definitions, OvalSlimLimits limits, CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(FeedInput.Open(inputPath, limits.MaxInputBytes), FeedInput.ReaderSettings(ignoreWhitespace: false));
        using var writer = XmlWriter.Create(outputPath, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, CloseOutput = true });
        writer.WriteStartDocument();
        reader.MoveToContent();
        writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
        writer.WriteAttributes(reader, defattr: false);
        writer.WriteComment(string.Create(CultureInfo.InvariantCulture, $" {selection.KeptDefinitions} of {definitions} definitions kept for one image by ManageIQ.OpenScap's feed slimming "));
        if (reader.IsEmptyElement)
        {
            writer.WriteEndElement();
            return;
        }

        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NamespaceURI == OvalNames.Definitions && Sections.Contains(reader.LocalName))
            {
                CopySection(reader, writer, selection);
            }
            else if (reader.NamespaceURI == OvalNames.DigitalSignature && reader.LocalName == OvalNames.Signature)
            {
                reader.Skip();
            }
            else
            {
                writer.WriteNode(reader, defattr: false);
            }
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void CopySection(XmlReader reader, XmlWriter writer, FeedSelection selection)
    {
        var (prefix, localName, ns) = (reader.Prefix, reader.LocalName, reader.NamespaceURI);
        var attributes = new List<(string Prefix, string LocalName, string Namespace, string Value)>();
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                attributes.Add((reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value));
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var started = false;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == 1))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            if (reader.GetAttribute("id") is not { } id || !selection.Kept.Contains(id))
            {
                reader.Skip();
                continue;
            }

            if (!started)
            {
                writer.WriteStartElement(prefix, localName, ns);
                foreach (var a in attributes)
                {
                    writer.WriteAttributeString(a.Prefix, a.LocalName, a.Namespace, a.Value);
                }

                started = true;
            }

            writer.WriteNode(reader, defattr: false);
        }

        reader.Read();
        if (started)
        {
            writer.WriteEndElement();
        }
    }
}
