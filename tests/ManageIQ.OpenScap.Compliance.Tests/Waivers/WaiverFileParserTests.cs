using ManageIQ.OpenScap.Compliance.Evaluation;
using ManageIQ.OpenScap.Compliance.Waivers;

namespace ManageIQ.OpenScap.Compliance.Tests.Waivers;

/// <summary>The waiver file read, and every bad file refused naming its line.</summary>
public sealed class WaiverFileParserTests
{
    private const string Good = """
        # Accepted risks, reviewed monthly.
        waivers:
          - id: CVE-2026-0001
            reason: The vulnerable binary is not shipped.
            owner: alice@example.com
            expires: 2027-01-31
            provider: "3"
            project: payments
            image: "payments/*"
          - id: xccdf_org.ssgproject.content_rule_package_cron_installed
            reason: Containers run no cron.
            owner: platform-team
            expires: 2026-12-31
        """;

    [Test]
    public void Parse_AGoodFile_ReadsEveryWaiverWithItsScopeAndLine()
    {
        var waivers = WaiverFileParser.Parse(Good, "waivers.yaml").Waivers;

        Assert.That(waivers, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(waivers[0].Kind, Is.EqualTo(FindingKind.Cve));
            Assert.That(waivers[0].Provider, Is.EqualTo("3"));
            Assert.That(waivers[0].Project, Is.EqualTo("payments"));
            Assert.That(waivers[0].Image!.Text, Is.EqualTo("payments/*"));
            Assert.That(waivers[0].Line, Is.EqualTo(3));
            Assert.That(waivers[1].Kind, Is.EqualTo(FindingKind.Rule));
            Assert.That(waivers[1].Expires, Is.EqualTo(new DateOnly(2026, 12, 31)));
            Assert.That(waivers[1].Provider, Is.Null);
            Assert.That(waivers[1].Line, Is.EqualTo(10));
        });
    }

    [TestCase("", 0)]
    [TestCase("# nothing yet\n", 0)]
    [TestCase("waivers: []\n", 0)]
    public void Parse_AnEmptyFile_HasNoWaivers(string text, int count) =>
        Assert.That(WaiverFileParser.Parse(text, "w.yaml").Waivers, Has.Count.EqualTo(count));

    [TestCase("waivers:\n  - id: CVE-2026-0001\n    reason: r\n    owner: o\n", 2, "the waiver has no 'expires'")]
    [TestCase("waivers:\n  - id: CVE-2026-0001\n    reason: r\n    owner: o\n    expires: 31/01/2027\n", 2, "expires '31/01/2027' is not a date of the form yyyy-MM-dd")]
    [TestCase("waivers:\n  - id: CVE-2026-0001\n    reason: r\n    owner: o\n    expires: 2027-01-31\n    namespace: x\n", 6, "unknown key 'namespace'")]
    [TestCase("waivers:\n  - id: not a rule\n    reason: r\n    owner: o\n    expires: 2027-01-31\n", 2, "neither a CVE id")]
    [TestCase("waivers:\n  - id: CVE-2026-0001\n    reason: ''\n    owner: o\n    expires: 2027-01-31\n", 3, "'reason' is empty")]
    [TestCase("waivers:\n  - id: CVE-2026-0001\n    id: CVE-2026-0002\n", 3, "not YAML: Duplicate key id")]
    [TestCase("waivers:\n  - just a string\n", 2, "a waiver is a mapping")]
    [TestCase("waiver:\n  - id: CVE-2026-0001\n", 1, "unknown key 'waiver'")]
    [TestCase("waivers: {}\n", 1, "'waivers' is a list")]
    [TestCase("- id: CVE-2026-0001\n", 1, "the file is a mapping")]
    [TestCase("waivers:\n  - id: [CVE-2026-0001\n", 3, "not YAML")]
    [TestCase("waivers: []\n---\nwaivers: []\n", 3, "a second YAML document")]
    public void Parse_ABadFile_IsRefusedNamingTheLine(string text, long line, string problem)
    {
        var error = Assert.Throws<WaiverFileException>(() => WaiverFileParser.Parse(text, "waivers.yaml"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Line, Is.EqualTo(line));
            Assert.That(error.Message, Does.StartWith($"Waiver file waivers.yaml, line {line}: ").And.Contain(problem));
        });
    }

    [Test]
    public void Parse_AFileOverTheSizeBound_IsRefusedBeforeParsing()
    {
        var text = "# " + new string('x', WaiverFileParser.MaxBytes);

        var error = Assert.Throws<WaiverFileException>(() => WaiverFileParser.Parse(text, "waivers.yaml"));

        Assert.That(error!.Message, Does.Contain($"larger than {WaiverFileParser.MaxBytes} bytes"));
    }

    [Test]
    public void Parse_MoreWaiversThanTheBound_IsRefused()
    {
        var text = "waivers:\n" + string.Concat(Enumerable.Repeat("  - x\n", WaiverFileParser.MaxWaivers + 1));

        var error = Assert.Throws<WaiverFileException>(() => WaiverFileParser.Parse(text, "waivers.yaml"));

        Assert.That(error!.Message, Does.Contain($"the most is {WaiverFileParser.MaxWaivers}"));
    }
}
