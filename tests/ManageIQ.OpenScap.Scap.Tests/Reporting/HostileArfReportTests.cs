using System.Text;
using ManageIQ.OpenScap.Scap.Reporting;
using ManageIQ.OpenScap.Scap.Tests.Support;

namespace ManageIQ.OpenScap.Scap.Tests.Reporting;

/// <summary>An ARF whose every text (titles, descriptions, rationale, fixtext, ids, idents) holds script and markup.</summary>
[CancelAfter(30_000)]
public sealed class HostileArfReportTests
{
    private const string HostileArf = """
        <arf:asset-report-collection xmlns:arf="http://scap.nist.gov/schema/asset-reporting-format/1.1">
         <arf:report-requests><arf:report-request id="q"><arf:content>
          <ds:data-stream-collection xmlns:ds="http://scap.nist.gov/schema/scap/source/1.2"><ds:component id="c">
           <Benchmark xmlns="http://checklists.nist.gov/xccdf/1.2" xmlns:h="http://www.w3.org/1999/xhtml" id="bench&lt;script&gt;alert('benchmark')&lt;/script&gt;">
            <version>1"&gt;&lt;img src=x onerror=alert('version')&gt;</version>
            <Profile id="p"><title>&lt;/title&gt;&lt;script&gt;alert('profile')&lt;/script&gt;</title></Profile>
            <Rule id="r1" severity="high">
             <title>&lt;script&gt;alert("title")&lt;/script&gt;</title>
             <description><h:script>alert('description')</h:script><h:b onmouseover="alert('attr')">bold</h:b></description>
             <rationale>Why: <h:a href="javascript:alert('href')">click</h:a><h:br/><h:img src="https://evil.example/pixel.png"/>&lt;iframe src="https://evil.example/frame"&gt;&lt;/iframe&gt;<h:style>body{background:url(https://evil.example/bg)}</h:style><h:script>alert('rationale')</h:script></rationale>
             <fixtext fixref="f"><![CDATA[<script>alert('fixtext')</script>]]> &amp; <h:code>rm -rf "/" 'x'</h:code></fixtext>
             <fix id="f" system="urn:xccdf:fix:script:sh">echo REMEDIATION-SCRIPT</fix>
            </Rule>
            <Rule id="r2&quot;&gt;&lt;script&gt;alert('id')&lt;/script&gt;" severity="low">
             <title>&lt;style&gt;*{display:none}&lt;/style&gt;&lt;link rel="stylesheet" href="https://evil.example/s.css"&gt;</title>
             <rationale><h:pre>&lt;/pre&gt;&lt;script&gt;alert('pre')&lt;/script&gt;</h:pre></rationale>
            </Rule>
           </Benchmark>
          </ds:component></ds:data-stream-collection>
         </arf:content></arf:report-request></arf:report-requests>
         <arf:reports><arf:report id="x"><arf:content>
          <TestResult xmlns="http://checklists.nist.gov/xccdf/1.2" id="t" start-time="2026-11-28T10:00:00" end-time="2026-11-28T10:01:00">
           <profile idref="p"/>
           <target>&lt;b&gt;target&lt;/b&gt;</target>
           <rule-result idref="r1" severity="high"><result>fail</result><ident system="http://cve.mitre.org">CVE-2024-1"&gt;&lt;script&gt;alert('ident')&lt;/script&gt;</ident></rule-result>
           <rule-result idref="r2&quot;&gt;&lt;script&gt;alert('id')&lt;/script&gt;"><result>fail</result></rule-result>
          </TestResult>
         </arf:content></arf:report></arf:reports>
        </arf:asset-report-collection>
        """;

    private static readonly HashSet<string> s_ownElements =
        ["html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "table", "tr", "th", "td", "p", "div", "span", "ul", "li", "b"];

    private static readonly HashSet<string> s_ownAttributes = ["lang", "charset", "name", "content", "http-equiv", "class"];

    private CompactReportResult _report = null!;
    private ReportPage _page = null!;

    [SetUp]
    public async Task RenderAsync()
    {
        var summary = await new ScapResultReader().SummarizeAsync(new MemoryStream(Encoding.UTF8.GetBytes(HostileArf)), "hostile.xml", CancellationToken.None);
        var details = new CompactReportDetails { Image = "<script>alert('image')</script>", Status = "\"><script>alert('status')</script>", Notes = "<b>notes</b>" };
        _report = CompactReport.Render(summary, details);
        _page = ReportPage.Parse(_report.Html);
    }

    [Test]
    public void Render_HostileArf_HasOnlyTheReportsOwnElementsAttributesAndStyle()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_page.Elements, Is.SubsetOf(s_ownElements));
            Assert.That(_page.Attributes.Select(a => a.Name).Distinct(), Is.SubsetOf(s_ownAttributes));
            Assert.That(_page.Attributes.Where(a => a.Name == "class").Select(a => a.Value), Has.All.Match("^[a-z_ -]+$"));
            Assert.That(_page.Attributes.Select(a => a.Value), Has.None.Contains("http").And.None.Contains("javascript"));
            Assert.That(_page.Style, Is.EqualTo(ReportStyle.Css), "no style sheet but the report's own");
            Assert.That(_report.Html, Does.Not.Contain("<script").IgnoreCase.And.Not.Contain("<img").IgnoreCase.And.Not.Contain("<iframe").IgnoreCase);
        });
    }

    [Test]
    public void Render_HostileArf_ShowsTheMarkupAsText()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_page.Text, Does.Contain("<script>alert(\"title\")</script>"));
            Assert.That(_page.Text, Does.Contain("<style>*{display:none}</style><link rel=\"stylesheet\" href=\"https://evil.example/s.css\">"));
            Assert.That(_page.Text, Does.Contain("Why: click\n<iframe src=\"https://evil.example/frame\"></iframe>body{background:url(https://evil.example/bg)}alert('rationale')"));
            Assert.That(_page.Text, Does.Contain("Fix text: <script>alert('fixtext')</script> & rm -rf \"/\" 'x'"));
            Assert.That(_page.Text, Does.Contain("</pre><script>alert('pre')</script>"));
            Assert.That(_page.Text, Does.Contain("r2\"><script>alert('id')</script>"));
            Assert.That(_page.Text, Does.Contain("CVE-2024-1\"><script>alert('ident')</script>"));
            Assert.That(_page.Text, Does.Contain("</title><script>alert('profile')</script>"));
            Assert.That(_page.Text, Does.Contain("bench<script>alert('benchmark')</script> version 1\"><img src=x onerror=alert('version')>"));
            Assert.That(_page.Text, Does.Contain("<script>alert('image')</script>").And.Contain("<b>notes</b>"));
            Assert.That(_report.Listed, Is.EqualTo(2));
        });
    }

    [Test]
    public void Render_HostileArf_LeavesOutDescriptionsAndRemediationScripts()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_report.Html, Does.Not.Contain("REMEDIATION-SCRIPT"));
            Assert.That(_report.Html, Does.Not.Contain("alert('description')").And.Not.Contain("alert('attr')").And.Not.Contain("alert('href')"));
        });
    }
}
