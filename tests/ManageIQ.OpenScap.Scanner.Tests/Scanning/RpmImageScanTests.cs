using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Scanner.Scanning;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Scanner.Tests.Scanning;

/// <summary>
/// An RPM root made with Debian's rpm tools (vulnlib 1.0.1 vulnerable, goodlib 2.1 fixed), scanned by the real
/// oscap with an rpminfo feed: as root its probes chroot() and find the vulnerable package; without CAP_SYS_CHROOT
/// they cannot, and the scan is an error rather than a clean result.
/// </summary>
[CancelAfter(120_000)]
public class RpmImageScanTests
{
    private const string Image = "127.0.0.1:5000/test/ubi:9";

    [Test]
    public async Task ScanAsync_AsRoot_FindsTheVulnerablePackage()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Ignore("chroot() needs root; the capability-less case is the next test");
        }

        using var directory = new TempDirectory();

        var result = await ScanAsync(directory, oscapExecutable: null);

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Completed), result.ErrorMessage);
        Assert.That(result.Summary!.Cves.Select(c => c.Id), Is.EqualTo(new[] { "CVE-2024-0001" }), "vulnlib 1.0.1 is older than the fix; goodlib 2.1 is not");
        Assert.That(File.ReadAllText(result.Artifacts.CveOvalResults!), Does.Contain("rpminfo_item"));
    }

    [Test]
    public async Task ScanAsync_BerkeleyDbAsRoot_FindsTheVulnerablePackage()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Ignore("chroot() needs root");
        }

        using var directory = new TempDirectory();

        var result = await ScanAsync(directory, oscapExecutable: null, root => RpmBerkeleyDb.Convert(root));

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Completed), result.ErrorMessage);
        Assert.That(result.Summary!.Cves.Select(c => c.Id), Is.EqualTo(new[] { "CVE-2024-0001" }));
    }

    [Test]
    public async Task ScanAsync_BerkeleyDbWithoutItsNameIndex_IsAnErrorNotClean()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Ignore("chroot() needs root");
        }

        using var directory = new TempDirectory();

        // rpm looks packages up by name through the Name index: without it oscap's rpminfo finds none, and only
        // the project's own reading of Packages shows they are installed.
        var result = await ScanAsync(directory, oscapExecutable: null, root =>
        {
            RpmBerkeleyDb.Convert(root);
            File.Delete(Path.Combine(root, "var/lib/rpm/Name"));
        });

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Failed));
        Assert.That(result.ErrorMessage, Does.StartWith("oscap's rpminfo probe did not see packages the image's package database (var/lib/rpm/Packages) lists as installed: goodlib, vulnlib."));
    }

    [Test]
    public async Task ScanAsync_WithoutChrootCapability_IsAnErrorNotClean()
    {
        using var directory = new TempDirectory();
        // The real oscap, with CAP_SYS_CHROOT dropped from its effective and bounding sets (as a non-root pod has it).
        var oscap = FakeOscap.Write(directory, "exec setpriv --inh-caps=-sys_chroot --bounding-set=-sys_chroot oscap \"$@\"");

        var result = await ScanAsync(directory, oscap);

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Failed));
        Assert.That(result.ErrorMessage, Does.StartWith("RPM probes need chroot"));
    }

    private static async Task<ScanReport> ScanAsync(TempDirectory directory, string? oscapExecutable, Action<string>? database = null)
    {
        var root = directory.Combine("rootfs");
        SyntheticRpmRoot.Write(root, directory.Combine("rpmbuild"), [new("vulnlib", "1.0.1", "1.el9"), new("goodlib", "2.1", "1.el9")]);
        database?.Invoke(root);
        var noContent = Directory.CreateDirectory(directory.Combine("no-content")).FullName;
        await using var services = ScannerServices.Build(directory, oscapExecutable: oscapExecutable, acquirer: RootScan.Acquirer(Image, root, 'd'), policy: CveFeedPolicy.Required, searchDirectories: [noContent]);
        return await services.GetRequiredService<IImageScanner>().ScanAsync(RootScan.Request(Image, directory, Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "cve-feed-rpm.xml")), null, CancellationToken.None);
    }
}
