using ManageIQ.OpenScap.Scanner.Oscap;

namespace ManageIQ.OpenScap.Scanner.Tests.Oscap;

public class OscapVersionTests
{
    [TestCase("OpenSCAP command line tool (oscap) 1.3.7\nCopyright 2009--2021 Red Hat Inc.", "1.3.7")]
    [TestCase("OpenSCAP command line tool (oscap) 1.4.2\n", "1.4.2")]
    public void Parse_VersionBanner_ReturnsVersion(string banner, string expected)
    {
        Assert.That(OscapVersion.Parse(banner), Is.EqualTo(Version.Parse(expected)));
    }

    [Test]
    public void Parse_NoVersion_ThrowsFormatException()
    {
        Assert.That(() => OscapVersion.Parse("command not found"), Throws.TypeOf<FormatException>().With.Message.Contains("command not found"));
    }

    [TestCase("1.3.7", true)]
    [TestCase("1.3.9", true)]
    [TestCase("1.3.10", false)]
    [TestCase("1.4.0", false)]
    [TestCase("1.4.2", false)]
    public void NeedsAptConfigWorkaround_Version_OnlyBefore1310(string version, bool expected)
    {
        Assert.That(OscapVersion.NeedsAptConfigWorkaround(Version.Parse(version)), Is.EqualTo(expected));
    }
}
