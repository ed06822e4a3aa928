using System.Xml.Linq;
using ManageIQ.OpenScap.Demo.Feeds;
using ManageIQ.OpenScap.Demo.Tests.Support;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Demo.Tests.Feeds;

/// <summary>
/// The sample feed built for real: apt-get from a flat archive on 127.0.0.1, dpkg-deb reading the downloaded
/// packages, the changelogs parsed, the OVAL checked by <c>oscap oval validate</c>, and the result reused.
/// </summary>
[CancelAfter(300_000)]
public sealed class SampleFeedBuilderTests
{
    private static readonly XNamespace Oval = "http://oval.mitre.org/XMLSchema/oval-definitions-5";
    private static readonly XNamespace Linux = "http://oval.mitre.org/XMLSchema/oval-definitions-5#linux";

    [Test]
    public async Task Build_ThePointReleaseImage_GetsEveryCveNamedSinceItsVersions(CancellationToken cancellationToken)
    {
        await using var archive = await LocalAptRepository.StartAsync(FeedFixtures.Archive, cancellationToken);
        using var work = new TempDirectory();
        var status = work.Combine("status");
        File.WriteAllText(status, FeedFixtures.PointReleaseStatus);

        var feed = await new SampleFeedBuilder(archive.Source, TimeProvider.System).BuildAsync([new FeedImage("demo/debian:12", status)], work.Combine("feed"), null, cancellationToken);

        Assert.That(feed.Reused, Is.False);
        Assert.That(feed.Sources.Select(s => (s.Source, s.Installed, s.Update)), Is.EqualTo(new[]
        {
            ("apt", "2.6.1", "2.6.2"),
            ("pam", "1.5.2-6+deb12u1", "1.5.2-6+deb12u3"),
            ("zlib", "1:1.2.13.dfsg-1", "1:1.2.13.dfsg-1+deb12u1"),
        }), "bash is not newer in the archive; base-files is not in it");
        var fixes = Fixes(feed.Path);
        Assert.That(fixes.Keys, Is.EquivalentTo(new[] { "CVE-2026-109518", "CVE-2024-22365", "CVE-2025-6020", "CVE-2025-8941", "CVE-2026-27171", "CVE-2026-85091" }));
        Assert.That(fixes["CVE-2026-27171"], Is.EquivalentTo(new[] { "zlib1g < 1:1.2.13.dfsg-1+deb12u1" }), "the epoch is kept");
        Assert.That(fixes["CVE-2026-109518"], Is.EquivalentTo(new[] { "apt < 0:2.6.2" }), "a native package's changelog.gz");
        Assert.That(fixes["CVE-2025-6020"], Is.EquivalentTo(new[] { "libpam-modules < 0:1.5.2-6+deb12u3", "libpam0g < 0:1.5.2-6+deb12u3" }), "named again in u3: its latest fix; every binary of the source, one of them without a changelog of its own");
        Assert.That(fixes["CVE-2025-8941"], Is.EquivalentTo(new[] { "libpam-modules < 0:1.5.2-6+deb12u2", "libpam0g < 0:1.5.2-6+deb12u2" }), "fixed in the intermediate version that names it");
        Assert.That(fixes, Does.Not.ContainKey("CVE-2022-37434"), "named in the installed version's own entry");
        Assert.That(fixes, Does.Not.ContainKey("CVE-2024-0001"));
    }

    [Test]
    public async Task Build_AgainForTheSameImages_ReusesTheFeedUntouched_ThenRebuildsForOtherPackages(CancellationToken cancellationToken)
    {
        await using var archive = await LocalAptRepository.StartAsync(FeedFixtures.Archive, cancellationToken);
        using var work = new TempDirectory();
        var status = work.Combine("status");
        File.WriteAllText(status, FeedFixtures.PointReleaseStatus);
        var builder = new SampleFeedBuilder(archive.Source, TimeProvider.System);
        var first = await builder.BuildAsync([new FeedImage("a", status)], work.Combine("feed"), null, cancellationToken);
        var written = File.GetLastWriteTimeUtc(first.Path);
        var requests = archive.Requests;

        var second = await builder.BuildAsync([new FeedImage("a", status)], work.Combine("feed"), null, cancellationToken);

        Assert.That(second.Reused, Is.True);
        Assert.That((second.Path, second.Definitions, second.BuiltOn), Is.EqualTo((first.Path, first.Definitions, first.BuiltOn)));
        Assert.That(File.GetLastWriteTimeUtc(second.Path), Is.EqualTo(written), "the feed's date is the scan fingerprint's feed version: it must not move");
        Assert.That(archive.Requests, Is.EqualTo(requests), "no apt traffic");

        File.WriteAllText(status, FeedFixtures.Status(("zlib1g", "zlib", "1:1.2.13.dfsg-1+deb12u1")));
        var third = await builder.BuildAsync([new FeedImage("a", status)], work.Combine("feed"), null, cancellationToken);
        Assert.That((third.Reused, third.Definitions), Is.EqualTo((false, 0)), "an up-to-date image: no CVE");
    }

    [Test]
    public async Task Build_APackageWhoseUpdateHasNoChangelogAnywhere_SaysWhich(CancellationToken cancellationToken)
    {
        await using var archive = await LocalAptRepository.StartAsync([new FakeDeb("libfoo1", "1.1-1", "foo", null)], cancellationToken);
        using var work = new TempDirectory();
        var status = work.Combine("status");
        File.WriteAllText(status, FeedFixtures.Status(("libfoo1", "foo", "1.0-1")));

        var error = Assert.ThrowsAsync<InvalidDataException>(() => new SampleFeedBuilder(archive.Source, TimeProvider.System).BuildAsync([new FeedImage("a", status)], work.Combine("feed"), null, cancellationToken));

        Assert.That(error!.Message, Does.StartWith("No package of the source foo (libfoo1) in ./ carries a usr/share/doc/*/changelog.Debian.gz"));
    }

    /// <summary>CVE → "binary &lt; evr" of each criterion, read back from the OVAL as oscap would.</summary>
    private static Dictionary<string, List<string>> Fixes(string path)
    {
        var document = XDocument.Load(path);
        var tests = document.Descendants(Linux + "dpkginfo_test").ToDictionary(t => (string)t.Attribute("id")!);
        var objects = document.Descendants(Linux + "dpkginfo_object").ToDictionary(o => (string)o.Attribute("id")!, o => (string)o.Element(Linux + "name")!);
        var states = document.Descendants(Linux + "dpkginfo_state").ToDictionary(s => (string)s.Attribute("id")!, s => (string)s.Element(Linux + "evr")!);
        return document.Descendants(Oval + "definition").ToDictionary(
            d => (string)d.Descendants(Oval + "reference").Single().Attribute("ref_id")!,
            d => d.Descendants(Oval + "criterion").Select(c => (string)c.Attribute("test_ref")!).Where(tests.ContainsKey)
                .Select(t => objects[(string)tests[t].Element(Linux + "object")!.Attribute("object_ref")!] + " < " + states[(string)tests[t].Element(Linux + "state")!.Attribute("state_ref")!]).ToList());
    }
}
