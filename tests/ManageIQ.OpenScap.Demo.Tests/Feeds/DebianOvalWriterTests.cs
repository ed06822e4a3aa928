using System.Xml.Linq;
using ManageIQ.OpenScap.Demo.Debian;
using ManageIQ.OpenScap.Demo.Feeds;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Demo.Tests.Feeds;

/// <summary>The OVAL the sample feed is written as: Debian's shape, valid for oscap, and evaluated by it on a root.</summary>
[CancelAfter(120_000)]
public sealed class DebianOvalWriterTests
{
    private static readonly XNamespace Oval = "http://oval.mitre.org/XMLSchema/oval-definitions-5";
    private static readonly XNamespace Linux = "http://oval.mitre.org/XMLSchema/oval-definitions-5#linux";

    private static readonly IReadOnlyList<CveFix> Fixes =
    [
        new("CVE-2026-27171", "zlib", [new PackageFix("zlib1g", DebianVersion.Parse("1:1.2.13.dfsg-1+deb12u1"))]),
        new("CVE-2024-5535", "openssl", [new PackageFix("openssl", DebianVersion.Parse("3.0.15-1~deb12u1")), new PackageFix("libssl3", DebianVersion.Parse("3.0.15-1~deb12u1"))]),
        new("CVE-2000-0001", "bash", [new PackageFix("bash", DebianVersion.Parse("4.0-1"))]),
    ];

    [Test]
    public void Build_OneVulnerabilityDefinitionPerCve_LikeDebiansFeed()
    {
        var document = DebianOvalWriter.Build(Fixes, new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));

        var definitions = document.Descendants(Oval + "definition").ToList();
        Assert.That(definitions.Select(d => (string)d.Attribute("class")!), Is.All.EqualTo("vulnerability"));
        Assert.That(definitions.Select(d => (string)d.Element(Oval + "metadata")!.Element(Oval + "title")!), Is.EqualTo(new[] { "CVE-2000-0001 bash", "CVE-2024-5535 openssl", "CVE-2026-27171 zlib" }), "ordered by CVE id");
        var openssl = definitions[1];
        Assert.That((string)openssl.Descendants(Oval + "reference").Single().Attribute("source")!, Is.EqualTo("CVE"));
        Assert.That((string)openssl.Descendants(Oval + "platform").Single(), Is.EqualTo("Debian GNU/Linux 12"));
        var top = openssl.Element(Oval + "criteria")!;
        Assert.That((string)top.Attribute("operator")!, Is.EqualTo("AND"));
        Assert.That((string)top.Element(Oval + "criterion")!.Attribute("comment")!, Is.EqualTo("Debian GNU/Linux 12 is installed"));
        Assert.That(top.Element(Oval + "criteria")!.Elements(Oval + "criterion").Select(c => (string)c.Attribute("comment")!), Is.EqualTo(new[] { "libssl3 is earlier than 3.0.15-1~deb12u1", "openssl is earlier than 3.0.15-1~deb12u1" }));
        var evr = document.Descendants(Linux + "evr").ToList();
        Assert.That(evr.Select(e => (string)e.Attribute("datatype")!), Is.All.EqualTo("debian_evr_string"));
        Assert.That(evr.Select(e => (string)e.Attribute("operation")!), Is.All.EqualTo("less than"));
        Assert.That(evr.Select(e => e.Value), Is.EquivalentTo(new[] { "1:1.2.13.dfsg-1+deb12u1", "0:3.0.15-1~deb12u1", "0:4.0-1" }), "one state per fixed version, the epoch written");
        Assert.That(document.Descendants(Linux + "dpkginfo_object").Select(o => o.Value), Is.EquivalentTo(new[] { "zlib1g", "openssl", "libssl3", "bash" }));
    }

    [Test]
    public async Task Save_IsValidOvalWithoutDtdOrByteOrderMark(CancellationToken cancellationToken)
    {
        using var work = new TempDirectory();
        var path = work.Combine("feed.xml");
        var empty = work.Combine("empty.xml");
        DebianOvalWriter.Save(DebianOvalWriter.Build(Fixes, DateTimeOffset.UtcNow), path);
        DebianOvalWriter.Save(DebianOvalWriter.Build([], DateTimeOffset.UtcNow), empty);

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        Assert.That(bytes[0], Is.EqualTo((byte)'<'), "no byte order mark");
        Assert.That(await File.ReadAllTextAsync(path, cancellationToken), Does.Not.Contain("<!DOCTYPE"));
        foreach (var file in new[] { path, empty })
        {
            var validate = await Oscap.RunAsync(work.Path, work.Path, ["oval", "validate", file], cancellationToken);
            Assert.That(validate.ExitCode, Is.Zero, validate.StandardError + validate.StandardOutput);
        }

        Assert.That(File.Exists(path + ".partial"), Is.False);
    }

    [Test]
    public async Task Eval_OnARoot_TrueForAnEarlierPackageOnly(CancellationToken cancellationToken)
    {
        using var work = new TempDirectory();
        var root = work.Combine("root");
        SyntheticDebianRoot.Write(root, [
            new("zlib1g", "1:1.2.13.dfsg-1"),
            new("openssl", "3.0.15-1~deb12u1"),
            new("libssl3", "3.0.15-1~deb12u1"),
            new("bash", "5.2.15-2+b7"),
        ]);
        var feed = work.Combine("feed.xml");
        DebianOvalWriter.Save(DebianOvalWriter.Build(Fixes, DateTimeOffset.UtcNow), feed);
        var results = work.Combine("results.xml");

        var eval = await Oscap.RunAsync(root, work.Path, ["oval", "eval", "--results", results, feed], cancellationToken);

        Assert.That(eval.ExitCode, Is.Zero, eval.StandardError);
        var titles = XDocument.Load(feed).Descendants(Oval + "definition").ToDictionary(d => (string)d.Attribute("id")!, d => ((string)d.Descendants(Oval + "title").Single()).Split(' ')[0]);
        XNamespace res = "http://oval.mitre.org/XMLSchema/oval-results-5";
        var outcome = XDocument.Load(results).Descendants(res + "definition").ToDictionary(d => titles[(string)d.Attribute("definition_id")!], d => (string)d.Attribute("result")!);
        Assert.That(outcome, Is.EqualTo(new Dictionary<string, string>
        {
            ["CVE-2026-27171"] = "true",
            ["CVE-2024-5535"] = "false",
            ["CVE-2000-0001"] = "false",
        }), "zlib1g 1:1.2.13.dfsg-1 is earlier than its fix; openssl and libssl3 are at theirs; bash is newer");
    }
}
