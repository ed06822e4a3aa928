using System.Xml;
using ManageIQ.OpenScap.Scap.Reading;

namespace ManageIQ.OpenScap.Scap.Benchmarks;

/// <summary>
/// The floor of any XmlReader-based summary: one synchronous read loop over the file with the parser's own reader
/// settings and file options, doing nothing with the nodes but counting elements.
/// </summary>
internal static class BareReadLoop
{
    public static long CountElements(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        using var reader = XmlReader.Create(file, ScapDocumentParser.ReaderSettings(new NameTable()));
        long elements = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                elements++;
            }
        }

        return elements;
    }
}
