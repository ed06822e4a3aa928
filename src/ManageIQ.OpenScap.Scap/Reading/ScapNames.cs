using System.Xml;

namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>
/// Namespace URIs and local names atomised in the reader's name table, so the hot loop compares references
/// instead of strings (XmlReader returns the atomised instance for every name it has seen).
/// </summary>
internal sealed class ScapNames
{
    public ScapNames(XmlNameTable table)
    {
        Arf = table.Add("http://scap.nist.gov/schema/asset-reporting-format/1.1");
        DataStream = table.Add("http://scap.nist.gov/schema/scap/source/1.2");
        Xccdf12 = table.Add("http://checklists.nist.gov/xccdf/1.2");
        Xccdf11 = table.Add("http://checklists.nist.gov/xccdf/1.1");
        OvalDefinitions5 = table.Add("http://oval.mitre.org/XMLSchema/oval-definitions-5");
        OvalResults5 = table.Add("http://oval.mitre.org/XMLSchema/oval-results-5");

        AssetReportCollection = table.Add("asset-report-collection");
        Benchmark = table.Add("Benchmark");
        TestResult = table.Add("TestResult");
        OvalResults = table.Add("oval_results");
        OvalDefinitions = table.Add("oval_definitions");
        Profile = table.Add("Profile");
        Group = table.Add("Group");
        Rule = table.Add("Rule");
        Title = table.Add("title");
        Description = table.Add("description");
        Rationale = table.Add("rationale");
        FixText = table.Add("fixtext");
        Version = table.Add("version");
        BenchmarkRef = table.Add("benchmark");
        ProfileRef = table.Add("profile");
        Target = table.Add("target");
        TargetFacts = table.Add("target-facts");
        Fact = table.Add("fact");
        Score = table.Add("score");
        RuleResult = table.Add("rule-result");
        Result = table.Add("result");
        Ident = table.Add("ident");
        Check = table.Add("check");
        ComplexCheck = table.Add("complex-check");
        CheckContentRef = table.Add("check-content-ref");
        Definitions = table.Add("definitions");
        Definition = table.Add("definition");
        Metadata = table.Add("metadata");
        Reference = table.Add("reference");
        Advisory = table.Add("advisory");
        Severity = table.Add("severity");
        Cve = table.Add("cve");
        Results = table.Add("results");
        System = table.Add("system");
    }

    public string Arf { get; }

    public string DataStream { get; }

    public string Xccdf12 { get; }

    public string Xccdf11 { get; }

    public string OvalDefinitions5 { get; }

    public string OvalResults5 { get; }

    public string AssetReportCollection { get; }

    public string Benchmark { get; }

    public string TestResult { get; }

    public string OvalResults { get; }

    public string OvalDefinitions { get; }

    public string Profile { get; }

    public string Group { get; }

    public string Rule { get; }

    public string Title { get; }

    public string Description { get; }

    public string Rationale { get; }

    /// <summary>XCCDF <c>fixtext</c>: instructions for a person (not <c>fix</c>, the remediation script).</summary>
    public string FixText { get; }

    public string Version { get; }

    /// <summary>TestResult's <c>benchmark</c> child (lower case, unlike the Benchmark element).</summary>
    public string BenchmarkRef { get; }

    /// <summary>TestResult's <c>profile</c> child (lower case, unlike the Profile element).</summary>
    public string ProfileRef { get; }

    public string Target { get; }

    public string TargetFacts { get; }

    public string Fact { get; }

    public string Score { get; }

    public string RuleResult { get; }

    public string Result { get; }

    public string Ident { get; }

    public string Check { get; }

    public string ComplexCheck { get; }

    public string CheckContentRef { get; }

    public string Definitions { get; }

    public string Definition { get; }

    public string Metadata { get; }

    public string Reference { get; }

    public string Advisory { get; }

    public string Severity { get; }

    public string Cve { get; }

    public string Results { get; }

    public string System { get; }

    public bool IsXccdf(string namespaceUri) =>
        ReferenceEquals(namespaceUri, Xccdf12) || ReferenceEquals(namespaceUri, Xccdf11);
}
