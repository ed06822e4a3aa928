using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Scanner.Tests.Content;

/// <summary>The default map against a search directory holding empty stand-ins for the installed data streams.</summary>
public class ScapContentResolverTests
{
    private static readonly string[] Installed = ["ssg-debian12-ds.xml", "ssg-debian11-ds.xml", "ssg-ubuntu2204-ds.xml", "ssg-ubuntu2004-ds.xml", "ssg-rhel9-ds.xml"];
    private TempDirectory directory = null!;
    private ServiceProvider services = null!;
    private IScapContentResolver resolver = null!;

    [SetUp]
    public void SetUp()
    {
        directory = new TempDirectory();
        var content = Directory.CreateDirectory(directory.Combine("content")).FullName;
        foreach (var name in Installed)
        {
            File.WriteAllText(Path.Combine(content, name), "<stand-in/>");
        }

        services = ScannerServices.Build(directory, searchDirectories: [content]);
        resolver = services.GetRequiredService<IScapContentResolver>();
    }

    [TearDown]
    public void TearDown()
    {
        services.Dispose();
        directory.Dispose();
    }

    [TestCase("debian", "12", "", "ssg-debian12-ds.xml", "standard")]
    [TestCase("debian", "11", "", "ssg-debian11-ds.xml", "standard")]
    [TestCase("ubuntu", "22.04", "debian", "ssg-ubuntu2204-ds.xml", "standard")]
    [TestCase("ubuntu", "20.04", "debian", "ssg-ubuntu2004-ds.xml", "standard")]
    [TestCase("rhel", "9.4", "fedora", "ssg-rhel9-ds.xml", "cis_server_l1")]
    [TestCase("centos", "9", "rhel fedora", "ssg-rhel9-ds.xml", "cis_server_l1")]
    [TestCase("raspbian", "12", "debian", "ssg-debian12-ds.xml", "standard")]
    public void Resolve_KnownDistribution_PicksMappedContent(string id, string version, string idLike, string dataStream, string profile)
    {
        var resolution = resolver.Resolve(Os(id, version, idLike), ScapContentOverride.None);
        Assert.That(resolution.Missing, Is.Null);
        Assert.That(Path.GetFileName(resolution.Selection!.DataStreamPath), Is.EqualTo(dataStream));
        Assert.That(resolution.Selection.Profile, Is.EqualTo(profile));
        Assert.That(resolution.Selection.DistributionId, Is.EqualTo(id));
    }

    [TestCase("debian", "13", "", "https://www.debian.org/security/oval/oval-definitions-trixie.xml.bz2")]
    [TestCase("rhel", "8.10", "fedora", "https://access.redhat.com/security/data/oval/v2/RHEL8/rhel-8.oval.xml.bz2")]
    [TestCase("almalinux", "8.9", "rhel centos fedora", "https://security.almalinux.org/oval/org.almalinux.alsa-8.xml.bz2")]
    [TestCase("ol", "9.3", "", "https://linux.oracle.com/security/oval/com.oracle.elsa-ol9.xml.bz2")]
    [TestCase("sles", "15.5", "suse", "https://ftp.suse.com/pub/projects/security/oval/suse.linux.enterprise.15-patch.xml.bz2")]
    [TestCase("ubuntu", "24.04", "debian", "https://security-metadata.canonical.com/oval/com.ubuntu.noble.usn.oval.xml.bz2")]
    public void Resolve_NoDataStreamButAFeed_ScansTheFeedAlone(string id, string version, string idLike, string feed)
    {
        var resolution = resolver.Resolve(Os(id, version, idLike), ScapContentOverride.None);

        Assert.That(resolution.Missing, Is.Null);
        Assert.That(resolution.Selection!.FeedOnly, Is.True);
        Assert.That(resolution.Selection.CveFeed, Is.EqualTo(feed));
        Assert.That(resolution.Selection.Profile, Is.EqualTo("none"));
    }

    [TestCase("alpine", "3.19", "", "no SCAP content for alpine 3.19")]
    [TestCase("rhel", "7.9", "fedora", "no SCAP content for rhel 7.9: none of ssg-rhel7-ds.xml is installed in ")]
    public void Resolve_NoContent_SaysSoClearly(string id, string version, string idLike, string expected)
    {
        var resolution = resolver.Resolve(Os(id, version, idLike), ScapContentOverride.None);
        Assert.That(resolution.Selection, Is.Null);
        Assert.That(resolution.Missing, Does.StartWith(expected));
    }

    [Test]
    public void Resolve_Rhel10_ScansRedHatsVexAloneWithoutItsDataStream()
    {
        var selection = resolver.Resolve(Os("rhel", "10.0", "fedora"), ScapContentOverride.None).Selection!;

        Assert.That((selection.FeedOnly, selection.CveFeed, selection.CveFeedFormat), Is.EqualTo((true, DefaultDistributionContent.RedHatVex, CveFeedFormat.CsafVex)));
    }

    [Test]
    public void Resolve_RhelVexVersions_SwitchesRhel9ToVexAndLeavesRhel8OnOval()
    {
        using var vexServices = ScannerServices.Build(directory, searchDirectories: [directory.Combine("content")]);
        var options = vexServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScapContentOptions>>().Value;
        options.RhelVexVersions = ["9"];
        var vexResolver = vexServices.GetRequiredService<IScapContentResolver>();

        var rhel9 = vexResolver.Resolve(Os("rhel", "9.4", "fedora"), ScapContentOverride.None).Selection!;
        var rhel8 = vexResolver.Resolve(Os("rhel", "8.10", "fedora"), ScapContentOverride.None).Selection!;

        Assert.That((rhel9.CveFeed, rhel9.CveFeedFormat, Path.GetFileName(rhel9.DataStreamPath)), Is.EqualTo((DefaultDistributionContent.RedHatVex, CveFeedFormat.CsafVex, "ssg-rhel9-ds.xml")));
        Assert.That((rhel8.CveFeed, rhel8.CveFeedFormat), Is.EqualTo(("https://access.redhat.com/security/data/oval/v2/RHEL8/rhel-8.oval.xml.bz2", CveFeedFormat.Oval)));
        Assert.That(DefaultDistributionContent.Distributions.Single(d => d.Id == "rhel" && d.Versions.Contains("9")).CveFeedFormat, Is.EqualTo(CveFeedFormat.Oval), "the defaults are not changed");
    }

    [Test]
    public void Resolve_NoOsRelease_SaysSoClearly()
    {
        Assert.That(resolver.Resolve(null, ScapContentOverride.None).Missing, Does.StartWith("no SCAP content for an image without os-release"));
    }

    [Test]
    public void Resolve_Overrides_WinOverTheMap()
    {
        var resolution = resolver.Resolve(Os("alpine", "3.19", string.Empty), new ScapContentOverride("ssg-debian11-ds.xml", "anssi_np_nt28_high", "http://127.0.0.1:1/feed.xml.bz2"));
        Assert.That(Path.GetFileName(resolution.Selection!.DataStreamPath), Is.EqualTo("ssg-debian11-ds.xml"));
        Assert.That(resolution.Selection.Profile, Is.EqualTo("anssi_np_nt28_high"));
        Assert.That(resolution.Selection.CveFeed, Is.EqualTo("http://127.0.0.1:1/feed.xml.bz2"));
        Assert.That(resolution.Selection.MatchedBy, Is.EqualTo("override"));
    }

    private static OsRelease Os(string id, string version, string idLike) =>
        new() { Id = id, VersionId = version, IdLike = idLike.Split(' ', StringSplitOptions.RemoveEmptyEntries) };
}
