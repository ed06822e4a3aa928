using System.Globalization;
using System.Xml;

namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// Writes a synthetic Debian-security-style OVAL feed (the method of offline-scanning-on-debian12.md §6): one
/// <c>vulnerability</c> definition per (CVE, package), each a "Debian 12" textfilecontent54 test AND a dpkginfo
/// "earlier than" test. By default (<see cref="SyntheticFeedShape.WorstCase"/>) about 20 % name installed packages
/// (a third of those vulnerable), the rest ~2 000 package names that are not installed. CVE ids are synthetic.
/// Shared by the tests and the benchmarks.
/// </summary>
public static class SyntheticCveFeed
{
    private const string Oval = OvalFeedWriting.Definitions;
    private const string Linux = OvalFeedWriting.Linux;
    private const string Independent = OvalFeedWriting.Independent;
    private const string Prefix = "oval:org.manageiq.openscap.synthetic";
    public static void Write(string path, int definitions, IReadOnlyList<DebianPackage> installed) =>
        Write(path, definitions, installed, SyntheticFeedShape.WorstCase);

    public static void Write(string path, int definitions, IReadOnlyList<DebianPackage> installed, SyntheticFeedShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var fakePackages = shape.FakePackages(installed.Count);
        var settings = new XmlWriterSettings { Indent = true };
        using var writer = XmlWriter.Create(path, settings);
        OvalFeedWriting.WriteStart(writer, "ManageIQ.OpenScap synthetic CVE feed");

        writer.WriteStartElement("definitions", Oval);
        for (var i = 1; i <= definitions; i++)
        {
            WriteDefinition(writer, i, Package(i, installed, shape, fakePackages));
        }

        writer.WriteEndElement();
        writer.WriteStartElement("tests", Oval);
        WriteDebian12Test(writer);
        for (var i = 1; i <= definitions; i++)
        {
            writer.WriteStartElement("dpkginfo_test", Linux);
            writer.WriteAttributeString("check", "at least one");
            writer.WriteAttributeString("check_existence", "at_least_one_exists");
            writer.WriteAttributeString("id", $"{Prefix}:tst:{i + 1}");
            writer.WriteAttributeString("version", "1");
            writer.WriteAttributeString("comment", $"{Package(i, installed, shape, fakePackages)} is earlier than the fixed version");
            Reference(writer, "object", "object_ref", $"{Prefix}:obj:{PackageIndex(i, installed, shape, fakePackages) + 2}");
            Reference(writer, "state", "state_ref", $"{Prefix}:ste:{i}");
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteStartElement("objects", Oval);
        WriteDebian12Object(writer);
        for (var p = 0; p < installed.Count + fakePackages; p++)
        {
            writer.WriteStartElement("dpkginfo_object", Linux);
            writer.WriteAttributeString("id", $"{Prefix}:obj:{p + 2}");
            writer.WriteAttributeString("version", "1");
            writer.WriteElementString("name", Linux, p < installed.Count ? installed[p].Name : FakeName(p));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteStartElement("states", Oval);
        for (var i = 1; i <= definitions; i++)
        {
            writer.WriteStartElement("dpkginfo_state", Linux);
            writer.WriteAttributeString("id", $"{Prefix}:ste:{i}");
            writer.WriteAttributeString("version", "1");
            writer.WriteStartElement("evr", Linux);
            writer.WriteAttributeString("datatype", "debian_evr_string");
            writer.WriteAttributeString("operation", "less than");
            // On installed packages a third are vulnerable (fixed in a far-future version), the rest long fixed.
            writer.WriteString(i % (3 * shape.InstalledEvery) == 0 ? "0:99.0-1" : "0:0.1-1");
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteDefinition(XmlWriter writer, int i, string package)
    {
        var cve = Cve(i);
        writer.WriteStartElement("definition", Oval);
        writer.WriteAttributeString("class", "vulnerability");
        writer.WriteAttributeString("id", $"{Prefix}:def:{i}");
        writer.WriteAttributeString("version", "1");
        writer.WriteStartElement("metadata", Oval);
        writer.WriteElementString("title", Oval, $"{cve} {package}");
        writer.WriteStartElement("affected", Oval);
        writer.WriteAttributeString("family", "unix");
        writer.WriteElementString("platform", Oval, "Debian GNU/Linux 12");
        writer.WriteElementString("product", Oval, package);
        writer.WriteEndElement();
        writer.WriteStartElement("reference", Oval);
        writer.WriteAttributeString("ref_id", cve);
        writer.WriteAttributeString("ref_url", "https://security-tracker.debian.org/tracker/" + cve);
        writer.WriteAttributeString("source", "CVE");
        writer.WriteEndElement();
        writer.WriteElementString("description", Oval,
            $"A synthetic flaw in {package} allows a remote attacker to cause a denial of service or possibly execute arbitrary code via crafted input ({cve}).");
        writer.WriteEndElement();
        writer.WriteStartElement("criteria", Oval);
        writer.WriteAttributeString("operator", "AND");
        Criterion(writer, $"{Prefix}:tst:1", "Debian 12 is installed");
        Criterion(writer, $"{Prefix}:tst:{i + 1}", $"{package} DPKG is earlier than the fixed version");
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteDebian12Test(XmlWriter writer)
    {
        writer.WriteStartElement("textfilecontent54_test", Independent);
        writer.WriteAttributeString("check", "all");
        writer.WriteAttributeString("check_existence", "at_least_one_exists");
        writer.WriteAttributeString("comment", "Debian 12 is installed");
        writer.WriteAttributeString("id", $"{Prefix}:tst:1");
        writer.WriteAttributeString("version", "1");
        Reference(writer, "object", "object_ref", $"{Prefix}:obj:1", Independent);
        writer.WriteEndElement();
    }

    private static void WriteDebian12Object(XmlWriter writer)
    {
        writer.WriteStartElement("textfilecontent54_object", Independent);
        writer.WriteAttributeString("id", $"{Prefix}:obj:1");
        writer.WriteAttributeString("version", "1");
        writer.WriteElementString("filepath", Independent, "/etc/debian_version");
        writer.WriteStartElement("pattern", Independent);
        writer.WriteAttributeString("operation", "pattern match");
        writer.WriteString("^12\\.[0-9]+$");
        writer.WriteEndElement();
        writer.WriteStartElement("instance", Independent);
        writer.WriteAttributeString("datatype", "int");
        writer.WriteString("1");
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void Criterion(XmlWriter writer, string test, string comment)
    {
        writer.WriteStartElement("criterion", Oval);
        writer.WriteAttributeString("comment", comment);
        writer.WriteAttributeString("test_ref", test);
        writer.WriteEndElement();
    }

    private static void Reference(XmlWriter writer, string element, string attribute, string id, string ns = Linux) =>
        OvalFeedWriting.Reference(writer, ns, element, attribute, id);

    /// <summary>Every <see cref="SyntheticFeedShape.InstalledEvery"/>th definition names an installed package; the others one of the fake packages.</summary>
    private static int PackageIndex(int i, IReadOnlyList<DebianPackage> installed, SyntheticFeedShape shape, int fakePackages) =>
        i % shape.InstalledEvery == 0 ? i / shape.InstalledEvery % installed.Count : installed.Count + (i % fakePackages);

    private static string Package(int i, IReadOnlyList<DebianPackage> installed, SyntheticFeedShape shape, int fakePackages)
    {
        var p = PackageIndex(i, installed, shape, fakePackages);
        return p < installed.Count ? installed[p].Name : FakeName(p);
    }

    private static string FakeName(int p) => string.Create(CultureInfo.InvariantCulture, $"synthetic-package-{p:D4}");

    private static string Cve(int i) => string.Create(CultureInfo.InvariantCulture, $"CVE-{2000 + (i % 25)}-{100000 + i}");
}
