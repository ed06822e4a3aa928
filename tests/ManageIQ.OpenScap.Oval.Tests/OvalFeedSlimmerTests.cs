using System.Text;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Oval.Tests;

public sealed class OvalFeedSlimmerTests
{
    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oval_definitions xmlns="http://oval.mitre.org/XMLSchema/oval-definitions-5" xmlns:oval="http://oval.mitre.org/XMLSchema/oval-common-5" xmlns:linux="http://oval.mitre.org/XMLSchema/oval-definitions-5#linux" xmlns:ind="http://oval.mitre.org/XMLSchema/oval-definitions-5#independent">
          <generator><oval:schema_version>5.11.1</oval:schema_version><oval:timestamp>2025-01-01T00:00:00</oval:timestamp></generator>
        """;

    private static readonly ImagePackages Image = new(new HashSet<string>(["openssl", "openssl-source", "bash"], StringComparer.Ordinal), null);
    private TempDirectory _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = new TempDirectory();

    [TearDown]
    public void RemoveDirectory() => _directory.Dispose();

    [Test]
    public void Slim_DropsDefinitionsOnMissingPackagesWithWhatOnlyTheyReference()
    {
        var slim = SlimFeed(Head + """
              <definitions>
                <definition id="d:missing" class="vulnerability" version="1"><metadata><title>t</title><description>d</description></metadata>
                  <criteria operator="AND"><criterion test_ref="t:debian"/><criterion test_ref="t:nginx"/></criteria></definition>
                <definition id="d:present" class="vulnerability" version="1"><metadata><title>t</title><description>d</description></metadata>
                  <criteria operator="AND"><criterion test_ref="t:debian"/><criterion test_ref="t:openssl"/></criteria></definition>
                <definition id="d:source" class="vulnerability" version="1"><metadata><title>t</title><description>d</description></metadata>
                  <criteria><criterion test_ref="t:source"/></criteria></definition>
                <definition id="d:var" class="vulnerability" version="1"><metadata><title>t</title><description>d</description></metadata>
                  <criteria><criterion test_ref="t:var"/></criteria></definition>
                <definition id="d:pattern" class="vulnerability" version="1"><metadata><title>t</title><description>d</description></metadata>
                  <criteria><criterion test_ref="t:pattern"/></criteria></definition>
              </definitions>
              <tests>
                <ind:textfilecontent54_test id="t:debian" check="all" check_existence="at_least_one_exists" version="1"><ind:object object_ref="o:debian"/></ind:textfilecontent54_test>
                <linux:dpkginfo_test id="t:nginx" check="at least one" version="1"><linux:object object_ref="o:nginx"/><linux:state state_ref="s:nginx"/></linux:dpkginfo_test>
                <linux:dpkginfo_test id="t:openssl" check="at least one" version="1"><linux:object object_ref="o:openssl"/><linux:state state_ref="s:openssl"/></linux:dpkginfo_test>
                <linux:dpkginfo_test id="t:source" check="at least one" version="1"><linux:object object_ref="o:source"/></linux:dpkginfo_test>
                <linux:dpkginfo_test id="t:var" check="at least one" version="1"><linux:object object_ref="o:var"/></linux:dpkginfo_test>
                <linux:dpkginfo_test id="t:pattern" check="at least one" version="1"><linux:object object_ref="o:pattern"/></linux:dpkginfo_test>
              </tests>
              <objects>
                <ind:textfilecontent54_object id="o:debian" version="1"><ind:filepath>/etc/debian_version</ind:filepath><ind:pattern operation="pattern match">^12</ind:pattern><ind:instance datatype="int">1</ind:instance></ind:textfilecontent54_object>
                <linux:dpkginfo_object id="o:nginx" version="1"><linux:name>nginx</linux:name></linux:dpkginfo_object>
                <linux:dpkginfo_object id="o:openssl" version="1"><linux:name>openssl</linux:name></linux:dpkginfo_object>
                <linux:dpkginfo_object id="o:source" version="1"><linux:name>openssl-source</linux:name></linux:dpkginfo_object>
                <linux:dpkginfo_object id="o:var" version="1"><linux:name var_ref="v:name"/></linux:dpkginfo_object>
                <linux:dpkginfo_object id="o:pattern" version="1"><linux:name operation="pattern match">^nginx</linux:name></linux:dpkginfo_object>
              </objects>
              <states>
                <linux:dpkginfo_state id="s:nginx" version="1"><linux:evr datatype="debian_evr_string" operation="less than">0:1.2-1</linux:evr></linux:dpkginfo_state>
                <linux:dpkginfo_state id="s:openssl" version="1"><linux:evr datatype="debian_evr_string" operation="less than">0:3.1-1</linux:evr></linux:dpkginfo_state>
              </states>
              <variables>
                <constant_variable id="v:name" datatype="string" version="1" comment="c"><value>nginx</value></constant_variable>
                <constant_variable id="v:unused" datatype="string" version="1" comment="c"><value>x</value></constant_variable>
              </variables>
            </oval_definitions>
            """, Image, out var result);

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(result with { Definitions = 5, KeptDefinitions = 4 }));
            Assert.That(OvalResults.Ids(slim, "definitions"), Is.EquivalentTo(new[] { "d:present", "d:source", "d:var", "d:pattern" }));
            Assert.That(OvalResults.Ids(slim, "tests"), Is.EquivalentTo(new[] { "t:debian", "t:openssl", "t:source", "t:var", "t:pattern" }));
            Assert.That(OvalResults.Ids(slim, "objects"), Is.EquivalentTo(new[] { "o:debian", "o:openssl", "o:source", "o:var", "o:pattern" }));
            Assert.That(OvalResults.Ids(slim, "states"), Is.EquivalentTo(new[] { "s:openssl" }));
            Assert.That(OvalResults.Ids(slim, "variables"), Is.EquivalentTo(new[] { "v:name" }));
            Assert.That(File.ReadAllText(slim), Does.Contain("<ind:pattern operation=\"pattern match\">^12</ind:pattern>"));
        });
    }

    [Test]
    public void Slim_KeepsWhatAKeptDefinitionExtendsAndANegatedMissingPackage()
    {
        var slim = SlimFeed(Head + """
              <definitions>
                <definition id="d:base" class="inventory" version="1"><metadata><title>t</title><description>d</description></metadata>
                  <criteria><criterion test_ref="t:nginx"/></criteria></definition>
                <definition id="d:not-base" class="vulnerability" version="1"><metadata><title>t</title><description>d</description></metadata>
                  <criteria operator="OR"><extend_definition definition_ref="d:base" negate="true"/><criterion test_ref="t:nginx"/></criteria></definition>
                <definition id="d:both" class="vulnerability" version="1"><metadata><title>t</title><description>d</description></metadata>
                  <criteria operator="AND"><extend_definition definition_ref="d:base"/><criterion test_ref="t:nginx" negate="true"/></criteria></definition>
              </definitions>
              <tests>
                <linux:dpkginfo_test id="t:nginx" check="at least one" check_existence="at_least_one_exists" version="1"><linux:object object_ref="o:nginx"/></linux:dpkginfo_test>
              </tests>
              <objects><linux:dpkginfo_object id="o:nginx" version="1"><linux:name>nginx</linux:name></linux:dpkginfo_object></objects>
            </oval_definitions>
            """, Image, out var result);

        // d:not-base is true (NOT false OR false), so it and d:base, which it extends, stay; d:both is false (false AND true).
        Assert.That(OvalResults.Ids(slim, "definitions"), Is.EquivalentTo(new[] { "d:base", "d:not-base" }));
        Assert.That(result.KeptDefinitions, Is.EqualTo(2));
    }

    [TestCase("none_exist", "", true)]
    [TestCase("any_exist", "", true)]
    [TestCase("none_exist", "<linux:state state_ref=\"s:x\"/>", true)]
    [TestCase("at_least_one_exists", "", false)]
    [TestCase("all_exist", "<linux:state state_ref=\"s:x\"/>", false)]
    [TestCase("only_one_exists", "", false)]
    public void Slim_MissingPackage_FollowsCheckExistence(string checkExistence, string state, bool kept)
    {
        var slim = SlimFeed(Head + $"""
              <definitions>
                <definition id="d:0" class="vulnerability" version="1"><metadata><title>t</title><description>d</description></metadata>
                  <criteria><criterion test_ref="t:0"/></criteria></definition>
                <definition id="d:1" class="vulnerability" version="1"><metadata><title>t</title><description>d</description></metadata>
                  <criteria><criterion test_ref="t:1"/></criteria></definition>
              </definitions>
              <tests>
                <linux:dpkginfo_test id="t:0" check="at least one" version="1"><linux:object object_ref="o:0"/></linux:dpkginfo_test>
                <linux:dpkginfo_test id="t:1" check="at least one" check_existence="{checkExistence}" version="1"><linux:object object_ref="o:1"/>{state}</linux:dpkginfo_test>
              </tests>
              <objects>
                <linux:dpkginfo_object id="o:0" version="1"><linux:name>openssl</linux:name></linux:dpkginfo_object>
                <linux:dpkginfo_object id="o:1" version="1"><linux:name>nginx</linux:name></linux:dpkginfo_object>
              </objects>
              <states><linux:dpkginfo_state id="s:x" version="1"><linux:evr datatype="debian_evr_string" operation="less than">0:1-1</linux:evr></linux:dpkginfo_state></states>
            </oval_definitions>
            """, Image, out _);

        // d:0, on a present package, keeps the feed from being empty whatever d:1 gives.
        Assert.That(OvalResults.Ids(slim, "definitions"), kept ? Does.Contain("d:1") : Is.EquivalentTo(new[] { "d:0" }));
    }

    [Test]
    public void Slim_RpmTestsWithoutAnRpmInventory_AreKept()
    {
        var slim = SlimFeed(Head + """
              <definitions>
                <definition id="d:1" class="vulnerability" version="1"><metadata><title>t</title><description>d</description></metadata>
                  <criteria><criterion test_ref="t:1"/></criteria></definition>
              </definitions>
              <tests><linux:rpminfo_test id="t:1" check="at least one" version="1"><linux:object object_ref="o:1"/></linux:rpminfo_test></tests>
              <objects><linux:rpminfo_object id="o:1" version="1"><linux:name>kernel</linux:name></linux:rpminfo_object></objects>
            </oval_definitions>
            """, Image, out _);

        Assert.That(OvalResults.Ids(slim, "definitions"), Is.EquivalentTo(new[] { "d:1" }));
        var rpmSlim = SlimFeed(File.ReadAllText(slim), new ImagePackages(null, new HashSet<string>(["bash"], StringComparer.Ordinal)), out var rpmResult);
        Assert.That(rpmResult.KeptDefinitions, Is.EqualTo(1), "the only definition is false, and kept so the feed is not empty");
        Assert.That(OvalResults.Ids(rpmSlim, "objects"), Is.EquivalentTo(new[] { "o:1" }));
    }

    [Test]
    public void Slim_Bzip2Feed_IsReadAndWrittenAsPlainXml()
    {
        using var directory = new TempDirectory();
        var feed = new RandomOvalFeed(3, 50, ["openssl"], ["nginx"]);
        var plain = directory.Combine("feed.xml");
        feed.Write(plain);
        Shell.Run("bzip2", "-k", plain);

        var fromPlain = new OvalFeedSlimmer(new OvalSlimLimits()).Slim(plain, directory.Combine("a.xml"), Image, CancellationToken.None);
        var fromBzip2 = new OvalFeedSlimmer(new OvalSlimLimits()).Slim(plain + ".bz2", directory.Combine("b.xml"), Image, CancellationToken.None);

        Assert.That(fromBzip2 with { Elapsed = default }, Is.EqualTo(fromPlain with { Elapsed = default }));
        Assert.That(File.ReadAllBytes(directory.Combine("b.xml")), Is.EqualTo(File.ReadAllBytes(directory.Combine("a.xml"))));
    }

    [TestCase("<!DOCTYPE x [<!ENTITY a \"b\">]><oval_definitions xmlns=\"http://oval.mitre.org/XMLSchema/oval-definitions-5\"/>", "not well-formed XML")]
    [TestCase("<html><body/></html>", "is not an OVAL definitions document")]
    [TestCase("<oval_definitions xmlns=\"http://oval.mitre.org/XMLSchema/oval-definitions-5\"><definitions><definition id=\"a\">", "not well-formed XML")]
    [TestCase("BZh91AY&SYgarbage", "not valid bzip2")]
    [TestCase("<oval_definitions xmlns=\"http://oval.mitre.org/XMLSchema/oval-definitions-5\"><definitions><definition id=\"a\"/><definition id=\"a\"/></definitions></oval_definitions>", "defines a twice")]
    [TestCase("<oval_definitions xmlns=\"http://oval.mitre.org/XMLSchema/oval-definitions-5\"><definitions><definition/></definitions></oval_definitions>", "without an id")]
    public void Slim_BadFeed_IsRefusedNamingWhatIsWrong(string content, string expected)
    {
        var error = Assert.Throws<OvalFormatException>(() => SlimFeed(content, Image, out _));
        Assert.That(error!.Message, Does.Contain(expected).And.Contain("feed.xml"));
    }

    [Test]
    public void Slim_DeeplyNestedCriteria_AreRefused()
    {
        var nested = new StringBuilder(Head).Append("<definitions><definition id=\"d\">");
        for (var i = 0; i < 100; i++)
        {
            nested.Append("<criteria>");
        }

        for (var i = 0; i < 100; i++)
        {
            nested.Append("</criteria>");
        }

        nested.Append("</definition></definitions></oval_definitions>");
        var error = Assert.Throws<OvalFormatException>(() => SlimFeed(nested.ToString(), Image, out _));
        Assert.That(error!.Message, Does.Contain("more than 64 deep"));
    }

    [Test]
    public void Slim_FeedOverTheLimit_IsRefused()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("feed.xml");
        new RandomOvalFeed(1, 200, ["openssl"], ["nginx"]).Write(path);
        var error = Assert.Throws<OvalFormatException>(() => new OvalFeedSlimmer(new OvalSlimLimits { MaxInputBytes = 4096 }).Slim(path, directory.Combine("out.xml"), Image, CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("larger than 4096 bytes"));
        Assert.That(Directory.GetFiles(directory.Path), Has.Length.EqualTo(1), "no partial output is left behind");
    }

    private string SlimFeed(string content, ImagePackages packages, out OvalSlimResult result)
    {
        var directory = Directory.CreateDirectory(_directory.Combine(Guid.NewGuid().ToString("N"))).FullName;
        var input = Path.Combine(directory, "feed.xml");
        File.WriteAllText(input, content);
        var output = Path.Combine(directory, "slim.xml");
        result = new OvalFeedSlimmer(new OvalSlimLimits()).Slim(input, output, packages, CancellationToken.None);
        return output;
    }
}
