using System.Security.Cryptography;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Scanner.Scanning;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Scanner.Tests.Scanning;

/// <summary>
/// A provider's tailoring file with the real oscap and SSG Debian 12: its profile (extending <c>standard</c>, one
/// failing rule deselected) is merged with the CVE feed's tailoring into the one file oscap takes, or given to oscap
/// as it is without a feed; its content is in the fingerprint.
/// </summary>
[CancelAfter(300_000)]
public class OperatorTailoringScanTests
{
    private const string Profile = ContainerTailoring.Profile;

    [Test]
    public async Task ScanAsync_ATailoringAndTheFeed_AreMergedIntoOneFile()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("work", "image", "rootfs");
        SyntheticDebianRoot.Write(root);
        await using var server = await FeedServer.StartAsync(await ImageScannerTests.Bzip2Async(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "cve-feed-bookworm.xml")));
        await using var services = ScannerServices.Build(directory, acquirer: Acquirer(root), policy: CveFeedPolicy.Required);
        var scanner = services.GetRequiredService<IImageScanner>();
        var feed = server.FeedUri("oval-definitions-bookworm.xml.bz2").ToString();
        var baseline = await scanner.ScanAsync(Request(directory, new(CveFeed: feed)), null, CancellationToken.None);
        Assert.That(baseline.Outcome, Is.EqualTo(ScanOutcome.Completed), baseline.ErrorMessage);
        var dropped = FailingRule(baseline);
        var tailoring = WriteTailoring(directory, dropped);

        var tailored = await scanner.ScanAsync(Request(directory, new(Profile: Profile, CveFeed: feed, TailoringFile: tailoring)), null, CancellationToken.None);

        Assert.That(tailored.Outcome, Is.EqualTo(ScanOutcome.Completed), tailored.ErrorMessage);
        Assert.Multiple(() =>
        {
            Assert.That(tailored.Summary!.FailedRules.Select(r => r.Id), Does.Not.Contain(dropped), "deselected by the operator's profile");
            Assert.That(tailored.Summary.Cves.Select(c => c.Id), Does.Contain("CVE-2024-5535"), "the feed's rule is still selected");
            Assert.That(tailored.Content!.Tailoring, Is.EqualTo("xccdf_org.manageiq.openscap_profile_container_with_cve_feed"));
            Assert.That(tailored.Content.TailoringContent, Is.EqualTo(Digest(tailoring)));
            Assert.That(tailored.Content.ToString(), Does.Contain(";tailoring-sha256=" + Digest(tailoring) + ";"));
        });
    }

    [Test]
    public async Task ScanAsync_ATailoringWithoutAFeed_IsGivenToOscapAsItIs()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("work", "image", "rootfs");
        SyntheticDebianRoot.Write(root);
        await using var services = ScannerServices.Build(directory, acquirer: Acquirer(root), policy: CveFeedPolicy.Disabled);
        var scanner = services.GetRequiredService<IImageScanner>();
        var baseline = await scanner.ScanAsync(Request(directory, ScapContentOverride.None), null, CancellationToken.None);
        Assert.That(baseline.Outcome, Is.EqualTo(ScanOutcome.Completed), baseline.ErrorMessage);
        var dropped = FailingRule(baseline);
        var tailoring = WriteTailoring(directory, dropped);

        var tailored = await scanner.ScanAsync(Request(directory, new(Profile: Profile, TailoringFile: tailoring)), null, CancellationToken.None);

        Assert.That(tailored.Outcome, Is.EqualTo(ScanOutcome.Completed), tailored.ErrorMessage);
        Assert.Multiple(() =>
        {
            Assert.That(tailored.Summary!.FailedRules.Select(r => r.Id), Does.Not.Contain(dropped));
            Assert.That(tailored.Summary.FailedRules, Has.Count.EqualTo(baseline.Summary!.FailedRules.Count(r => r.Id != dropped)));
            Assert.That(tailored.Content!.Tailoring, Is.EqualTo(Profile));
            Assert.That(tailored.Content.TailoringContent, Is.EqualTo(Digest(tailoring)));
        });
    }

    [Test]
    public async Task ScanAsync_ATailoringThatIsNotOne_FailsTheScanNamingTheFile()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("work", "image", "rootfs");
        SyntheticDebianRoot.Write(root);
        var bad = directory.Combine("bad.xml");
        await File.WriteAllTextAsync(bad, "<Benchmark xmlns=\"http://checklists.nist.gov/xccdf/1.2\"/>");
        await using var services = ScannerServices.Build(directory, acquirer: Acquirer(root), policy: CveFeedPolicy.Disabled);

        var result = await services.GetRequiredService<IImageScanner>().ScanAsync(Request(directory, new(Profile: Profile, TailoringFile: bad)), null, CancellationToken.None);

        Assert.That(result.Outcome, Is.Not.EqualTo(ScanOutcome.Completed));
        Assert.That(result.ErrorMessage, Does.Contain(bad).And.Contain("not an XCCDF 1.2 Tailoring"));
    }

    private static string FailingRule(ScanReport report) =>
        report.Summary!.FailedRules.Select(r => r.Id).First(id => !id.EndsWith("security_patches_up_to_date", StringComparison.Ordinal));

    private static string WriteTailoring(TempDirectory directory, string deselected)
    {
        var path = directory.Combine("container-tailoring.xml");
        File.WriteAllText(path, ContainerTailoring.Xml(deselected, ScapContent.Debian12DataStream));
        return path;
    }

    private static string Digest(string path) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static ImageScanRequest Request(TempDirectory directory, ScapContentOverride content) => new()
    {
        Acquisition = new ImageAcquisitionRequest { Source = ImageSource.Parse("127.0.0.1:5000/test/synthetic:12"), WorkDirectory = directory.Combine("work", "image") },
        WorkDirectory = directory.Combine("work"),
        ResultsDirectory = directory.Combine("results"),
        ContentOverride = content,
    };

    private static IImageAcquirer Acquirer(string root) => ImageScannerTests.Acquirer(root, new OsRelease { Id = "debian", VersionId = "12" });
}
