using System.Globalization;
using System.Xml;
using ManageIQ.OpenScap.Packages;

namespace ManageIQ.OpenScap.Vex;

/// <summary>
/// Writes the OVAL 5.11 definitions oscap evaluates for one image: a <c>vulnerability</c> definition per CVE whose
/// criteria test, with <c>rpminfo</c>, each installed binary RPM built from a source RPM the feed names (through
/// the image's <c>%{SOURCERPM}</c>, as Red Hat documents) or named itself: earlier than the fixed
/// <c>epoch:version-release</c>, or, for unfixed CVEs when included, installed at all. An <c>inventory</c>
/// definition tests that every installed package is visible to the probe.
/// </summary>
internal static class VexOvalWriter
{
    private const string Namespace = "http://oval.mitre.org/XMLSchema/oval-definitions-5";
    private const string Common = "http://oval.mitre.org/XMLSchema/oval-common-5";
    private const string Linux = "http://oval.mitre.org/XMLSchema/oval-definitions-5#linux";
    private const string IdPrefix = "oval:org.manageiq.openscap.vex:";

    private static readonly string[] SeverityOrder = ["low", "moderate", "important", "critical"];

    /// <summary>What was written.</summary>
    /// <param name="Definitions">Vulnerability definitions.</param>
    /// <param name="TestedPackages">Binary packages tested by them.</param>
    public sealed record Written(int Definitions, int TestedPackages);

    /// <param name="statements">The feed's statements about the image's RHEL major version.</param>
    /// <param name="packages">The image's packages; null when its database could not be listed (then each statement's name is tested as a binary name).</param>
    /// <param name="major">The RHEL major version, for titles.</param>
    /// <param name="includeUnfixed">Whether known_affected components without a fix become definitions.</param>
    /// <param name="target">The OVAL file to write.</param>
    /// <param name="generated">The generator timestamp.</param>
    public static Written Write(IReadOnlyList<VexRpmStatement> statements, IReadOnlyList<InstalledPackage>? packages, string major, bool includeUnfixed, string target, DateTimeOffset generated)
    {
        var bySource = statements.Where(s => s.IsSource).ToLookup(s => s.Name, StringComparer.Ordinal);
        var byBinary = statements.Where(s => !s.IsSource).ToLookup(s => s.Name, StringComparer.Ordinal);
        var binaries = packages is null
            ? statements.Select(s => (Binary: s.Name, Source: s.Name)).Distinct()
            : packages.Where(p => p.FullyInstalled).Select(p => (Binary: p.Name, Source: p.SourceName)).Distinct();

        // CVE -> the tests of its criteria: (binary, source, fixed EVR or null for "installed at all").
        var tests = new SortedDictionary<string, List<(string Binary, string Source, string? Evr)>>(StringComparer.Ordinal);
        var about = new Dictionary<string, (string? Severity, string? Title)>(StringComparer.Ordinal);
        foreach (var (binary, source) in binaries.OrderBy(b => b.Binary, StringComparer.Ordinal))
        {
            foreach (var cve in bySource[source].Concat(byBinary[binary]).GroupBy(s => s.Cve, StringComparer.Ordinal))
            {
                var fixedEvr = cve.Where(s => s.Status == VexPackageStatus.Fixed).Select(s => s.FixedEvr!).Max(RpmVersionComparer.Instance);
                if (fixedEvr is null && !includeUnfixed)
                {
                    continue;
                }

                if (!tests.TryGetValue(cve.Key, out var list))
                {
                    tests[cve.Key] = list = [];
                }

                list.Add((binary, source, fixedEvr));
                var (severity, title) = about.GetValueOrDefault(cve.Key);
                about[cve.Key] = (cve.Select(s => s.Severity).Append(severity).MaxBy(Rank), title ?? cve.Select(s => s.Title).FirstOrDefault(t => t is not null));
            }
        }

        var ids = new Ids();
        using var writer = XmlWriter.Create(target, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        writer.WriteStartDocument();
        writer.WriteStartElement("oval_definitions", Namespace);
        writer.WriteAttributeString("xmlns", "oval", null, Common);
        writer.WriteAttributeString("xmlns", "linux-def", null, Linux);
        writer.WriteStartElement("generator", Namespace);
        writer.WriteElementString("product_name", Common, "ManageIQ.OpenScap VEX to OVAL");
        writer.WriteElementString("schema_version", Common, "5.11.1");
        writer.WriteElementString("timestamp", Common, generated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        writer.WriteEndElement();

        var installed = packages?.Where(p => p.FullyInstalled).Select(p => p.Name).Distinct().Order(StringComparer.Ordinal).ToList() ?? [];
        writer.WriteStartElement("definitions", Namespace);
        var platform = "Red Hat Enterprise Linux " + major;
        foreach (var (cve, list) in tests)
        {
            var (severity, title) = about[cve];
            writer.WriteStartElement("definition", Namespace);
            writer.WriteAttributeString("class", "vulnerability");
            writer.WriteAttributeString("id", IdPrefix + "def:" + ids.Definition(cve));
            writer.WriteAttributeString("version", "1");
            WriteMetadata(writer, $"{cve}: {title ?? "vulnerable packages"} ({string.Join(", ", list.Select(t => t.Source).Distinct().Order(StringComparer.Ordinal))})", platform, cve, severity);
            writer.WriteStartElement("criteria", Namespace);
            writer.WriteAttributeString("operator", "OR");
            foreach (var (binary, source, evr) in list)
            {
                writer.WriteStartElement("criterion", Namespace);
                writer.WriteAttributeString("test_ref", IdPrefix + "tst:" + ids.Test(binary, evr));
                writer.WriteAttributeString("comment", evr is null ? $"{binary} (from {source}) is installed; no fix is available" : $"{binary} (from {source}) is earlier than {evr}");
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        if (installed.Count > 0)
        {
            WriteInventoryDefinition(writer, ids, installed, platform);
        }

        writer.WriteEndElement();
        WriteTests(writer, ids);
        writer.WriteEndElement();
        writer.WriteEndDocument();
        return new Written(tests.Count, tests.Values.SelectMany(l => l.Select(t => t.Binary)).Distinct().Count());
    }

    private static void WriteInventoryDefinition(XmlWriter writer, Ids ids, List<string> installed, string platform)
    {
        writer.WriteStartElement("definition", Namespace);
        writer.WriteAttributeString("class", "inventory");
        writer.WriteAttributeString("id", "oval:org.manageiq.openscap.vex.inventory:def:1");
        writer.WriteAttributeString("version", "1");
        writer.WriteStartElement("metadata", Namespace);
        writer.WriteElementString("title", Namespace, $"oscap's rpminfo probe sees the image's {installed.Count} installed packages");
        writer.WriteStartElement("affected", Namespace);
        writer.WriteAttributeString("family", "unix");
        writer.WriteElementString("platform", Namespace, platform);
        writer.WriteEndElement();
        writer.WriteElementString("description", Namespace, "True when every package of the image's RPM database, as the scanner read it, is also found by oscap.");
        writer.WriteEndElement();
        writer.WriteStartElement("criteria", Namespace);
        writer.WriteAttributeString("operator", "AND");
        foreach (var name in installed)
        {
            writer.WriteStartElement("criterion", Namespace);
            writer.WriteAttributeString("test_ref", IdPrefix + "tst:" + ids.Test(name, null));
            writer.WriteAttributeString("comment", name + " is installed");
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteMetadata(XmlWriter writer, string title, string platform, string cve, string? severity)
    {
        writer.WriteStartElement("metadata", Namespace);
        writer.WriteElementString("title", Namespace, title);
        writer.WriteStartElement("affected", Namespace);
        writer.WriteAttributeString("family", "unix");
        writer.WriteElementString("platform", Namespace, platform);
        writer.WriteEndElement();
        writer.WriteStartElement("reference", Namespace);
        writer.WriteAttributeString("source", "CVE");
        writer.WriteAttributeString("ref_id", cve);
        writer.WriteEndElement();
        writer.WriteElementString("description", Namespace, $"Generated from the CSAF VEX statements on {cve}.");
        if (severity is not null)
        {
            writer.WriteStartElement("advisory", Namespace);
            writer.WriteElementString("severity", Namespace, severity);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteTests(XmlWriter writer, Ids ids)
    {
        writer.WriteStartElement("tests", Namespace);
        foreach (var ((binary, evr), id) in ids.Tests)
        {
            writer.WriteStartElement("linux-def", "rpminfo_test", Linux);
            writer.WriteAttributeString("id", IdPrefix + "tst:" + id);
            writer.WriteAttributeString("version", "1");
            writer.WriteAttributeString("check", "at least one");
            writer.WriteAttributeString("check_existence", "at_least_one_exists");
            writer.WriteAttributeString("comment", evr is null ? binary + " is installed" : $"{binary} is earlier than {evr}");
            writer.WriteStartElement("linux-def", "object", Linux);
            writer.WriteAttributeString("object_ref", IdPrefix + "obj:" + ids.Object(binary));
            writer.WriteEndElement();
            if (evr is not null)
            {
                writer.WriteStartElement("linux-def", "state", Linux);
                writer.WriteAttributeString("state_ref", IdPrefix + "ste:" + ids.State(evr));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteStartElement("objects", Namespace);
        foreach (var (binary, id) in ids.Objects)
        {
            writer.WriteStartElement("linux-def", "rpminfo_object", Linux);
            writer.WriteAttributeString("id", IdPrefix + "obj:" + id);
            writer.WriteAttributeString("version", "1");
            writer.WriteElementString("linux-def", "name", Linux, binary);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        if (ids.States.Count == 0)
        {
            return;
        }

        writer.WriteStartElement("states", Namespace);
        foreach (var (evr, id) in ids.States)
        {
            writer.WriteStartElement("linux-def", "rpminfo_state", Linux);
            writer.WriteAttributeString("id", IdPrefix + "ste:" + id);
            writer.WriteAttributeString("version", "1");
            writer.WriteStartElement("linux-def", "evr", Linux);
            writer.WriteAttributeString("datatype", "evr_string");
            writer.WriteAttributeString("operation", "less than");
            writer.WriteString(evr);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static int Rank(string? severity) => severity is null ? -1 : Array.IndexOf(SeverityOrder, severity.Trim().ToLowerInvariant());

    /// <summary>Numbers definitions, tests, objects and states, each shared where it repeats.</summary>
    private sealed class Ids
    {
        public Dictionary<(string Binary, string? Evr), int> Tests { get; } = [];

        public Dictionary<string, int> Objects { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> States { get; } = new(StringComparer.Ordinal);

        private readonly Dictionary<string, int> definitions = new(StringComparer.Ordinal);

        public int Definition(string cve) => Number(definitions, cve);

        public int Test(string binary, string? evr)
        {
            Object(binary);
            if (evr is not null)
            {
                State(evr);
            }

            return Number(Tests, (binary, evr));
        }

        public int Object(string binary) => Number(Objects, binary);

        public int State(string evr) => Number(States, evr);

        private static int Number<TKey>(Dictionary<TKey, int> numbers, TKey key)
            where TKey : notnull
        {
            if (!numbers.TryGetValue(key, out var number))
            {
                numbers[key] = number = numbers.Count + 1;
            }

            return number;
        }
    }
}
