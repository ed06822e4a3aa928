using System.Text;

namespace ManageIQ.OpenScap.Vex.Tests;

public class CsafVexDocumentReaderTests
{
    private static readonly VexOptions Options = new();

    [Test]
    public void Read_FixedAndAffectedComponents_GivesTheMainStreamRpmStatementsPerMajor()
    {
        var json = RhelProducts.Document("CVE-2026-1001")
            .Fixed(RhelProducts.Rhel10, "openssl", "3.2.2-16.el10_0.1", epoch: 1)
            .Fixed(RhelProducts.Rhel10, "openssl-libs", "3.2.2-16.el10_0.1", "x86_64", epoch: 1)
            .Fixed(RhelProducts.Rhel10AppStream, "openssl-perl", "3.2.2-18.el10", "noarch", epoch: 1)
            .Fixed(RhelProducts.Rhel9, "openssl", "3.0.7-28.el9_4")
            .Fixed(RhelProducts.Rhel9Eus, "openssl", "3.0.7-20.el9_2.3")
            .Fixed(RhelProducts.OpenShift, "openssl", "3.0.7-99.rhaos4.16")
            .Affected(RhelProducts.Rhel10Unfixed, "compat-openssl")
            .ToJson();

        var statements = CsafVexDocumentReader.Read(Encoding.UTF8.GetBytes(json), "cve-2026-1001.json", Options);

        Assert.That(statements, Is.EqualTo(new[]
        {
            new VexRpmStatement("CVE-2026-1001", "10", VexPackageStatus.Fixed, "openssl", true, "1:3.2.2-16.el10_0.1", "Important", "test package: flaw CVE-2026-1001"),
            new VexRpmStatement("CVE-2026-1001", "10", VexPackageStatus.Fixed, "openssl-perl", false, "1:3.2.2-18.el10", "Important", "test package: flaw CVE-2026-1001"),
            new VexRpmStatement("CVE-2026-1001", "9", VexPackageStatus.Fixed, "openssl", true, "0:3.0.7-28.el9_4", "Important", "test package: flaw CVE-2026-1001"),
            new VexRpmStatement("CVE-2026-1001", "10", VexPackageStatus.KnownAffected, "compat-openssl", true, null, "Important", "test package: flaw CVE-2026-1001"),
        }), "the EUS and OpenShift products carry other streams' versions and are skipped; openssl-libs is reached through its source RPM's statement, openssl-perl's fix has no source RPM beside it");
    }

    [Test]
    public void Read_NoVulnerabilities_GivesNothing()
    {
        var json = """{"document":{"category":"csaf_vex","csaf_version":"2.0","title":"t"},"product_tree":{"branches":[]}}""";

        Assert.That(CsafVexDocumentReader.Read(Encoding.UTF8.GetBytes(json), "d.json", Options), Is.Empty);
    }

    private static IEnumerable<TestCaseData> Hostile()
    {
        var good = RhelProducts.Document("CVE-2026-1002").Fixed(RhelProducts.Rhel10, "zlib", "1.3.1-1.el10").ToJson();
        yield return new TestCaseData("not json {", "d.json: not JSON").SetName("garbage");
        yield return new TestCaseData(new string('[', 200) + new string(']', 200), "nested deeper than 64 levels (Vex:MaxDepth)").SetName("deep nesting");
        yield return new TestCaseData("[]", "d.json: the document is an array, not an object.").SetName("array root");
        yield return new TestCaseData("""{"product_tree":{}}""", "d.json: document is missing.").SetName("no document");
        yield return new TestCaseData(good.Replace("\"csaf_version\": \"2.0\"", "\"csaf_version\": \"1.2\""), "document.csaf_version is \"1.2\"; only CSAF 2.0 is read.").SetName("wrong version");
        yield return new TestCaseData(good.Replace("\"cve\": \"CVE-2026-1002\"", "\"cve\": 7"), "vulnerabilities[0].cve is a number, not a string.").SetName("cve a number");
        yield return new TestCaseData(good.Replace("\"cve\": \"CVE-2026-1002\"", "\"cve\": \"GHSA-1\""), "vulnerabilities[0].cve is \"GHSA-1\", not a CVE id.").SetName("cve not a cve");
        yield return new TestCaseData(good.Replace("\"fixed\": [", "\"fixed\": [ 5,"), "vulnerabilities[0].product_status.fixed[0] is a number, not a product id.").SetName("fixed id a number");
        yield return new TestCaseData(good.Replace("\"fixed\": [", "\"fixed\": [ \"nowhere:zlib\","), "vulnerabilities[0].product_status.fixed[0] names product \"nowhere:zlib\", which the product tree does not define.").SetName("dangling status id");
        yield return new TestCaseData(good.Replace("\"relates_to_product_reference\": \"BaseOS-10.0.Z\"", "\"relates_to_product_reference\": \"gone\""), "product_tree.relationships[0].relates_to_product_reference names product \"gone\"").SetName("dangling relationship");
        yield return new TestCaseData(good.Replace("?arch=src", "?arch=src&epoch=x"), "purl pkg:rpm/redhat/zlib@1.3.1-1.el10?arch=src&epoch=x's epoch is not a number").SetName("bad epoch");
        yield return new TestCaseData(good.Replace("\"branches\": [", "\"branches\": {\"x\": 1}, \"y\": ["), "product_tree.branches is an object, not an array.").SetName("branches an object");
    }

    [TestCaseSource(nameof(Hostile))]
    public void Read_HostileDocument_NamesTheDocumentAndField(string json, string expected)
    {
        var e = Assert.Throws<VexFormatException>(() => CsafVexDocumentReader.Read(Encoding.UTF8.GetBytes(json), "d.json", Options));

        Assert.That(e!.Message, Does.StartWith("d.json: "));
        Assert.That(e.Message, Does.Contain(expected));
    }
}
