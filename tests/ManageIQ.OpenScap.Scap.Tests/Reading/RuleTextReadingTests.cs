using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scap.Tests.Reading;

/// <summary>Rationale and fix text of failed rules, read in the summary pass within MaxRuleTextLength and MaxRuleTextCharacters.</summary>
[CancelAfter(30_000)]
public sealed class RuleTextReadingTests
{
    private const string Xccdf = "http://checklists.nist.gov/xccdf/1.2";

    [Test]
    public async Task SummarizeAsync_FailedRule_HasItsRationaleAndFirstFixTextButNoFixScript(CancellationToken cancellationToken)
    {
        var summary = await SummarizeAsync(Benchmark(
            Rule("a", "<rationale>Because <h:code>x</h:code> matters.<h:br/>Really.</rationale><rationale>second</rationale>" +
                      "<fix system=\"urn:xccdf:fix:script:sh\">echo SCRIPT</fix><fixtext>Set <h:b>x</h:b>.</fixtext><fixtext>other</fixtext>")),
            new ScapReaderOptions(), cancellationToken);

        var rule = summary.FailedRules.Single();
        Assert.Multiple(() =>
        {
            Assert.That(rule.Rationale, Is.EqualTo("Because x matters.\nReally."));
            Assert.That(rule.FixText, Is.EqualTo("Set x."));
            Assert.That(ScapSummaryJson.Serialize(summary), Does.Not.Contain("SCRIPT"));
        });
    }

    [Test]
    public async Task SummarizeAsync_RuleTextOverMaxRuleTextLength_IsCutWithAnEllipsis(CancellationToken cancellationToken)
    {
        var summary = await SummarizeAsync(Benchmark(Rule("a", $"<rationale>{new string('r', 500)}</rationale><fixtext>short</fixtext>")),
            new ScapReaderOptions { MaxRuleTextLength = 100 }, cancellationToken);

        var rule = summary.FailedRules.Single();
        Assert.Multiple(() =>
        {
            Assert.That(rule.Rationale, Is.EqualTo(new string('r', 100) + "\u2026"));
            Assert.That(rule.FixText, Is.EqualTo("short"));
        });
    }

    [Test]
    public async Task SummarizeAsync_MaxRuleTextLengthZero_KeepsNeither(CancellationToken cancellationToken)
    {
        var summary = await SummarizeAsync(Benchmark(Rule("a", "<rationale>why</rationale><fixtext>how</fixtext>")),
            new ScapReaderOptions { MaxRuleTextLength = 0 }, cancellationToken);

        var rule = summary.FailedRules.Single();
        Assert.Multiple(() =>
        {
            Assert.That(rule.Rationale, Is.Null);
            Assert.That(rule.FixText, Is.Null);
            Assert.That(rule.Title, Is.EqualTo("Rule a"));
        });
    }

    [Test]
    public async Task SummarizeAsync_BudgetSpentByEarlierRules_LaterRulesKeepNoText(CancellationToken cancellationToken)
    {
        var summary = await SummarizeAsync(Benchmark(
                Rule("a", $"<rationale>{new string('a', 60)}</rationale>"),
                Rule("b", $"<rationale>{new string('b', 60)}</rationale><fixtext>fix b</fixtext>"),
                Rule("c", "<rationale>c</rationale>")),
            new ScapReaderOptions { MaxRuleTextCharacters = 100 }, cancellationToken);

        var rules = summary.FailedRules.ToDictionary(r => r.Id);
        Assert.Multiple(() =>
        {
            Assert.That(rules["a"].Rationale, Has.Length.EqualTo(60));
            Assert.That(rules["b"].Rationale, Is.EqualTo(new string('b', 40) + "\u2026"), "cut at what is left of the budget");
            Assert.That(rules["b"].FixText, Is.Null);
            Assert.That(rules["c"].Rationale, Is.Null);
        });
    }

    [Test]
    public void SummarizeAsync_RationaleOverMaxTextLength_IsRefused(CancellationToken cancellationToken)
    {
        var xml = Benchmark(Rule("a", $"<rationale>{new string('x', 200)}</rationale>"));
        var reader = Reader(new ScapReaderOptions { MaxTextLength = 100 });

        var ex = Assert.ThrowsAsync<ScapFormatException>(() => reader.SummarizeAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "b.xml", cancellationToken));

        Assert.That(ex!.Message, Does.StartWith("b.xml:1:").And.Contain("MaxTextLength"));
    }

    private static string Rule(string id, string texts) =>
        $"<Rule id=\"{id}\" severity=\"medium\"><title>Rule {id}</title>{texts}</Rule>";

    /// <summary>An XCCDF result document: the rules, then a TestResult in which every one of them failed.</summary>
    private static string Benchmark(params string[] rules)
    {
        var ids = rules.Select(r => r.Split('"')[1]);
        var results = string.Concat(ids.Select(id => $"<rule-result idref=\"{id}\"><result>fail</result></rule-result>"));
        return $"<Benchmark xmlns=\"{Xccdf}\" xmlns:h=\"http://www.w3.org/1999/xhtml\" id=\"b\">{string.Concat(rules)}<TestResult id=\"t\">{results}</TestResult></Benchmark>";
    }

    private static Task<ScapSummary> SummarizeAsync(string xml, ScapReaderOptions options, CancellationToken cancellationToken) =>
        Reader(options).SummarizeAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "b.xml", cancellationToken);

    private static ScapResultReader Reader(ScapReaderOptions options) => new(Options.Create(options), NullLogger<ScapResultReader>.Instance);
}
