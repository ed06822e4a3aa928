using System.Xml;
using System.Xml.Linq;

namespace ManageIQ.OpenScap.Scap.Tests.Support;

/// <summary>
/// An independent reader for cross-checking: loads the whole document into LINQ to XML and counts with queries,
/// sharing no code with the streaming reader. Severity rule (same contract): a failed result takes the advisory
/// severity of the OVAL definition its check names when that word is known, else its own @severity, else the
/// Rule's severity; unrecognised words are "unknown".
/// </summary>
public sealed record IndependentSummary(
    string Kind,
    int RuleResults,
    IReadOnlyDictionary<string, int> Results,
    IReadOnlyDictionary<string, int> FailedBySeverity,
    int FailedCount,
    IReadOnlyDictionary<string, string> Cves,
    string? BenchmarkId,
    string? BenchmarkVersion,
    string? ProfileId,
    string? ProfileTitle,
    string? Target,
    int TargetFacts,
    int Scores)
{
    private static readonly XNamespace Xccdf = "http://checklists.nist.gov/xccdf/1.2";
    private static readonly XNamespace OvalDef = "http://oval.mitre.org/XMLSchema/oval-definitions-5";
    private static readonly XNamespace OvalRes = "http://oval.mitre.org/XMLSchema/oval-results-5";
    private static readonly string[] SeverityOrder = ["unknown", "info", "low", "medium", "high"];

    private static readonly Dictionary<string, string> AdvisoryWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Critical"] = "high", ["Important"] = "high", ["High"] = "high",
        ["Moderate"] = "medium", ["Medium"] = "medium", ["Low"] = "low",
        ["Negligible"] = "info", ["Info"] = "info", ["None"] = "info",
    };

    public static IndependentSummary Of(byte[] document)
    {
        using var stream = new MemoryStream(document);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var doc = XDocument.Load(reader);
        return doc.Root!.Name == OvalRes + "oval_results" ? OfOval(doc) : OfXccdf(doc);
    }

    private static IndependentSummary OfXccdf(XDocument doc)
    {
        var kind = doc.Root!.Name.LocalName == "asset-report-collection" ? "arf" : "xccdf";
        var testResult = doc.Descendants(Xccdf + "TestResult").Single();
        var ruleResults = testResult.Elements(Xccdf + "rule-result").ToList();
        var rules = doc.Descendants(Xccdf + "Rule").GroupBy(r => (string)r.Attribute("id")!).ToDictionary(g => g.Key, g => g.First());
        var definitions = doc.Descendants(OvalRes + "oval_results").Descendants(OvalDef + "definition")
            .GroupBy(d => (string)d.Attribute("id")!).ToDictionary(g => g.Key, g => g.First());

        var bySeverity = SeverityOrder.ToDictionary(s => s, _ => 0);
        var cves = new Dictionary<string, string>();
        var failed = ruleResults.Where(r => r.Element(Xccdf + "result")!.Value.Trim() == "fail").ToList();
        foreach (var r in failed)
        {
            var checkName = (string?)r.Descendants(Xccdf + "check-content-ref").FirstOrDefault()?.Attribute("name");
            var definition = checkName is not null && definitions.TryGetValue(checkName, out var d) ? d : null;
            var advisory = definition?.Descendants().FirstOrDefault(e => e.Name.LocalName == "severity" && e.Parent?.Name.LocalName == "advisory")?.Value.Trim();
            string severity;
            if (advisory is not null && AdvisoryWords.TryGetValue(advisory, out var mapped))
            {
                severity = mapped;
            }
            else
            {
                var own = (string?)r.Attribute("severity") ?? (rules.TryGetValue((string)r.Attribute("idref")!, out var rule) ? (string?)rule.Attribute("severity") : null);
                severity = own is not null && SeverityOrder.Contains(own) ? own : "unknown";
            }

            bySeverity[severity]++;
            var ids = r.Elements(Xccdf + "ident").Where(i => ((string)i.Attribute("system")!).Contains("cve", StringComparison.OrdinalIgnoreCase)).Select(i => i.Value.Trim())
                .Concat(definition?.Descendants().Where(e => e.Name.LocalName == "reference" && (string?)e.Attribute("source") == "CVE").Select(e => (string)e.Attribute("ref_id")!) ?? [])
                .Concat(definition?.Descendants().Where(e => e.Name.LocalName == "cve" && e.Parent?.Name.LocalName == "advisory").Select(e => e.Value.Trim()) ?? []);
            foreach (var id in ids.Distinct())
            {
                if (!cves.TryGetValue(id, out var known) || Array.IndexOf(SeverityOrder, known) < Array.IndexOf(SeverityOrder, severity))
                {
                    cves[id] = severity;
                }
            }
        }

        var benchmarkId = (string?)testResult.Element(Xccdf + "benchmark")?.Attribute("id") ?? (string?)doc.Descendants(Xccdf + "Benchmark").FirstOrDefault()?.Attribute("id");
        var benchmark = doc.Descendants(Xccdf + "Benchmark").FirstOrDefault(b => (string?)b.Attribute("id") == benchmarkId);
        var profileId = (string?)testResult.Element(Xccdf + "profile")?.Attribute("idref");
        var profile = doc.Descendants(Xccdf + "Profile").FirstOrDefault(p => (string?)p.Attribute("id") == profileId);
        return new IndependentSummary(
            kind,
            ruleResults.Count,
            ruleResults.GroupBy(r => r.Element(Xccdf + "result")!.Value.Trim()).ToDictionary(g => g.Key, g => g.Count()),
            bySeverity,
            failed.Count,
            cves,
            benchmarkId,
            benchmark?.Element(Xccdf + "version")?.Value.Trim(),
            profileId,
            profile?.Element(Xccdf + "title")?.Value.Trim(),
            testResult.Element(Xccdf + "target")?.Value.Trim(),
            testResult.Element(Xccdf + "target-facts")?.Elements(Xccdf + "fact").Count() ?? 0,
            testResult.Elements(Xccdf + "score").Count());
    }

    private static IndependentSummary OfOval(XDocument doc)
    {
        var definitions = doc.Root!.Element(OvalDef + "oval_definitions")!.Descendants(OvalDef + "definition").ToDictionary(d => (string)d.Attribute("id")!);
        var results = doc.Root.Element(OvalRes + "results")!.Descendants(OvalRes + "definition").ToList();
        var xccdf = new Dictionary<string, int>();
        var bySeverity = SeverityOrder.ToDictionary(s => s, _ => 0);
        var cves = new Dictionary<string, string>();
        var failed = 0;
        foreach (var r in results)
        {
            var definition = definitions[(string)r.Attribute("definition_id")!];
            var vulnerability = (string?)definition.Attribute("class") is "vulnerability" or "patch";
            var value = (string)r.Attribute("result")! switch
            {
                "true" => vulnerability ? "fail" : "pass",
                "false" => vulnerability ? "pass" : "fail",
                "not evaluated" => "notchecked",
                "not applicable" => "notapplicable",
                var other => other,
            };
            xccdf[value] = xccdf.GetValueOrDefault(value) + 1;
            if (value != "fail")
            {
                continue;
            }

            failed++;
            var advisory = definition.Descendants().FirstOrDefault(e => e.Name.LocalName == "severity")?.Value.Trim();
            var severity = advisory is not null && AdvisoryWords.TryGetValue(advisory, out var mapped) ? mapped : "unknown";
            bySeverity[severity]++;
            foreach (var id in definition.Descendants(OvalDef + "reference").Where(e => (string?)e.Attribute("source") == "CVE").Select(e => (string)e.Attribute("ref_id")!))
            {
                if (!cves.TryGetValue(id, out var known) || Array.IndexOf(SeverityOrder, known) < Array.IndexOf(SeverityOrder, severity))
                {
                    cves[id] = severity;
                }
            }
        }

        return new IndependentSummary("oval", results.Count, xccdf, bySeverity, failed, cves, null, null, null, null, null, 0, 0);
    }
}
