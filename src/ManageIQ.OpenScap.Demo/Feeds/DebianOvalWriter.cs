using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ManageIQ.OpenScap.Demo.Feeds;

/// <summary>
/// Writes CVE fixes as an OVAL 5.11 definitions file shaped like Debian's own security feed: one
/// <c>vulnerability</c> definition per CVE (title, CVE reference, Debian 12 platform), its criteria "Debian 12 is
/// installed AND (a package is earlier than its fixed version, for any of them)", with <c>textfilecontent54</c> on
/// <c>/etc/debian_version</c> and <c>dpkginfo</c> "less than" <c>debian_evr_string</c> tests. No DTD.
/// </summary>
public static class DebianOvalWriter
{
    public const string Namespace = "org.manageiq.openscap.demo";
    private static readonly XNamespace Oval = "http://oval.mitre.org/XMLSchema/oval-definitions-5";
    private static readonly XNamespace Common = "http://oval.mitre.org/XMLSchema/oval-common-5";
    private static readonly XNamespace Linux = "http://oval.mitre.org/XMLSchema/oval-definitions-5#linux";
    private static readonly XNamespace Independent = "http://oval.mitre.org/XMLSchema/oval-definitions-5#independent";

    /// <summary>The id of the definition for <paramref name="number"/>, e.g. <c>oval:org.manageiq.openscap.demo:def:1</c>.</summary>
    public static string Id(string kind, int number) => string.Create(CultureInfo.InvariantCulture, $"oval:{Namespace}:{kind}:{number}");

    public static XDocument Build(IReadOnlyList<CveFix> fixes, DateTimeOffset generatedOn)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        var definitions = new XElement(Oval + "definitions");
        var tests = new XElement(Oval + "tests", PlatformTest());
        var objects = new XElement(Oval + "objects", PlatformObject());
        var states = new XElement(Oval + "states", PlatformState());
        var objectIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var stateIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var testIds = new Dictionary<(string, string), string>();
        var number = 0;
        foreach (var fix in fixes.OrderBy(f => f.Cve, StringComparer.Ordinal))
        {
            number++;
            var criteria = new XElement(Oval + "criteria", new XAttribute("operator", "OR"));
            foreach (var package in fix.Packages.OrderBy(p => p.Binary, StringComparer.Ordinal))
            {
                var evr = package.Fixed.Evr;
                if (!objectIds.TryGetValue(package.Binary, out var objectId))
                {
                    objectId = objectIds[package.Binary] = Id("obj", objectIds.Count + 2);
                    objects.Add(new XElement(Linux + "dpkginfo_object", new XAttribute("id", objectId), new XAttribute("version", 1), new XElement(Linux + "name", package.Binary)));
                }

                if (!stateIds.TryGetValue(evr, out var stateId))
                {
                    stateId = stateIds[evr] = Id("ste", stateIds.Count + 2);
                    states.Add(new XElement(
                        Linux + "dpkginfo_state",
                        new XAttribute("id", stateId),
                        new XAttribute("version", 1),
                        new XElement(Linux + "evr", new XAttribute("datatype", "debian_evr_string"), new XAttribute("operation", "less than"), evr)));
                }

                var comment = $"{package.Binary} is earlier than {package.Fixed}";
                if (!testIds.TryGetValue((package.Binary, evr), out var testId))
                {
                    testId = testIds[(package.Binary, evr)] = Id("tst", testIds.Count + 2);
                    tests.Add(new XElement(
                        Linux + "dpkginfo_test",
                        new XAttribute("id", testId),
                        new XAttribute("version", 1),
                        new XAttribute("check", "all"),
                        new XAttribute("check_existence", "at_least_one_exists"),
                        new XAttribute("comment", comment),
                        new XElement(Linux + "object", new XAttribute("object_ref", objectId)),
                        new XElement(Linux + "state", new XAttribute("state_ref", stateId))));
                }

                criteria.Add(new XElement(Oval + "criterion", new XAttribute("test_ref", testId), new XAttribute("comment", comment)));
            }

            var fixedIn = string.Join(", ", fix.Packages.Select(p => p.Fixed.Text).Distinct(StringComparer.Ordinal));
            definitions.Add(new XElement(
                Oval + "definition",
                new XAttribute("id", Id("def", number)),
                new XAttribute("version", 1),
                new XAttribute("class", "vulnerability"),
                new XElement(
                    Oval + "metadata",
                    new XElement(Oval + "title", $"{fix.Cve} {fix.Source}"),
                    new XElement(
                        Oval + "affected",
                        new XAttribute("family", "unix"),
                        new XElement(Oval + "platform", "Debian GNU/Linux 12"),
                        new XElement(Oval + "product", fix.Source)),
                    new XElement(Oval + "reference", new XAttribute("source", "CVE"), new XAttribute("ref_id", fix.Cve)),
                    new XElement(Oval + "description", $"{fix.Source}: {fix.Cve} is named as fixed in {fixedIn} by the Debian changelog of the bookworm-security update. A sample built by bridge demo from Debian's packages, not Debian's security feed.")),
                new XElement(
                    Oval + "criteria",
                    new XAttribute("operator", "AND"),
                    new XElement(Oval + "criterion", new XAttribute("test_ref", Id("tst", 1)), new XAttribute("comment", "Debian GNU/Linux 12 is installed")),
                    criteria)));
        }

        return new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(
                Oval + "oval_definitions",
                new XAttribute(XNamespace.Xmlns + "oval", Common.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "linux-def", Linux.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "ind-def", Independent.NamespaceName),
                new XElement(
                    Oval + "generator",
                    new XElement(Common + "product_name", "ManageIQ.OpenScap bridge demo (sample feed from bookworm-security changelogs)"),
                    new XElement(Common + "schema_version", "5.11.1"),
                    new XElement(Common + "timestamp", generatedOn.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture))),
                definitions.HasElements ? definitions : null,
                tests,
                objects,
                states));
    }

    /// <summary>Writes the document to <paramref name="path"/> through a temporary file, so a reader never sees half of it.</summary>
    public static void Save(XDocument document, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        var temporary = path + ".partial";
        using (var writer = XmlWriter.Create(temporary, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false) }))
        {
            document.Save(writer);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static XElement PlatformTest() => new(
        Independent + "textfilecontent54_test",
        new XAttribute("id", Id("tst", 1)),
        new XAttribute("version", 1),
        new XAttribute("check", "all"),
        new XAttribute("check_existence", "all_exist"),
        new XAttribute("comment", "Debian GNU/Linux 12 is installed"),
        new XElement(Independent + "object", new XAttribute("object_ref", Id("obj", 1))),
        new XElement(Independent + "state", new XAttribute("state_ref", Id("ste", 1))));

    private static XElement PlatformObject() => new(
        Independent + "textfilecontent54_object",
        new XAttribute("id", Id("obj", 1)),
        new XAttribute("version", 1),
        new XElement(Independent + "path", "/etc"),
        new XElement(Independent + "filename", "debian_version"),
        new XElement(Independent + "pattern", new XAttribute("operation", "pattern match"), @"(\d+)\.\d"),
        new XElement(Independent + "instance", new XAttribute("datatype", "int"), 1));

    private static XElement PlatformState() => new(
        Independent + "textfilecontent54_state",
        new XAttribute("id", Id("ste", 1)),
        new XAttribute("version", 1),
        new XElement(Independent + "subexpression", new XAttribute("operation", "pattern match"), "^12$"));
}
