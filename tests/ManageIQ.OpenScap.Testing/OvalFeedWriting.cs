using System.Xml;

namespace ManageIQ.OpenScap.Testing;

/// <summary>What every OVAL definitions document a test writes starts with, and its references.</summary>
public static class OvalFeedWriting
{
    public const string Definitions = "http://oval.mitre.org/XMLSchema/oval-definitions-5";
    public const string Common = "http://oval.mitre.org/XMLSchema/oval-common-5";
    public const string Linux = Definitions + "#linux";
    public const string Independent = Definitions + "#independent";

    /// <summary>Opens <c>oval_definitions</c> with the oval, linux and ind prefixes and writes its 5.11.1 generator.</summary>
    public static void WriteStart(XmlWriter writer, string productName)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartElement("oval_definitions", Definitions);
        writer.WriteAttributeString("xmlns", "oval", null, Common);
        writer.WriteAttributeString("xmlns", "linux", null, Linux);
        writer.WriteAttributeString("xmlns", "ind", null, Independent);
        writer.WriteStartElement("generator", Definitions);
        writer.WriteElementString("product_name", Common, productName);
        writer.WriteElementString("schema_version", Common, "5.11.1");
        writer.WriteElementString("timestamp", Common, "2025-01-01T00:00:00");
        writer.WriteEndElement();
    }

    /// <summary>An empty element whose one attribute references another item (<c>object_ref</c>, <c>state_ref</c>).</summary>
    public static void Reference(XmlWriter writer, string ns, string element, string attribute, string id)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartElement(element, ns);
        writer.WriteAttributeString(attribute, id);
        writer.WriteEndElement();
    }
}
