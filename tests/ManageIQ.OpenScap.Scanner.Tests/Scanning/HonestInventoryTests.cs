using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Scanner.Scanning;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Scanner.Tests.Scanning;

/// <summary>
/// The real oscap, the SSG Debian 12 content and the hand-written bookworm feed (openssl older than 3.0.15 is
/// vulnerable) over synthetic roots: a scan that cannot see the packages is an error, never clean.
/// </summary>
[CancelAfter(180_000)]
public class HonestInventoryTests
{
    private const string Image = "127.0.0.1:5000/test/inventory:12";

    [Test]
    public async Task ScanAsync_DebianWithoutStatusFile_IsAnErrorNotClean()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("rootfs");
        SyntheticDebianRoot.Write(root, layout: DpkgLayout.None);

        var result = await ScanAsync(directory, root);

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Failed));
        Assert.That(result.ErrorKind, Is.EqualTo(ScanErrorKind.OpenScapFailed));
        Assert.That(result.ErrorMessage, Does.StartWith("The image's package inventory could not be read").And.Contain("neither var/lib/dpkg/status nor var/lib/dpkg/status.d exists"));
        Assert.That(result.Summary, Is.Null);
        Assert.That(result.Artifacts.Arf, Is.Null, "oscap did not run");
    }

    [Test]
    public async Task ScanAsync_DistrolessStatusDirectory_FindsTheVulnerableOpensslAndSaysSo()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("rootfs");
        SyntheticDebianRoot.Write(root, layout: DpkgLayout.StatusDirectory);

        var result = await ScanAsync(directory, root);

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Completed), result.ErrorMessage);
        Assert.That(result.Summary!.Cves.Select(c => c.Id), Does.Contain("CVE-2024-5535"));
        Assert.That(result.Notes, Has.Some.StartsWith("Distroless image: its dpkg database is var/lib/dpkg/status.d (6 files)"));
        Assert.That(File.Exists(Path.Combine(root, "var/lib/dpkg/status")), Is.True, "written into the scanner's copy");
    }

    [Test]
    public async Task ScanAsync_AllPackagesFixed_IsStillClean()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("rootfs");
        SyntheticDebianRoot.Write(root, [new("base-files", "12.4+deb12u11"), new("openssl", "3.0.15-1~deb12u1"), new("bash", "5.2.15-2+b7")]);

        var result = await ScanAsync(directory, root);

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Completed), result.ErrorMessage);
        Assert.That(result.Summary!.Cves, Is.Empty);
        Assert.That(result.Summary.FailedRules.Where(r => r.Id.EndsWith("security_patches_up_to_date", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task ScanAsync_ProbeBlindWithoutCpuTable_IsAnErrorNotClean()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("rootfs");
        SyntheticDebianRoot.Write(root);
        // oscap 1.3.7's dpkginfo probe cannot build its package cache without dpkg's cputable and reports every
        // package absent (reference §2); 1.4 needs no table, and there the scan completes and finds the CVE.
        File.Delete(Path.Combine(root, "usr/share/dpkg/cputable"));
        File.Delete(Path.Combine(root, "usr/share/dpkg/tupletable"));

        var result = await ScanAsync(directory, root);

        if (result.Outcome == ScanOutcome.Completed)
        {
            Assert.That(result.Summary!.Cves.Select(c => c.Id), Does.Contain("CVE-2024-5535"), "completed only when the probe saw the packages");
            return;
        }

        Assert.That(result.ErrorMessage, Does.StartWith("oscap's dpkginfo probe"));
    }

    private static async Task<ScanReport> ScanAsync(TempDirectory directory, string root)
    {
        await using var services = ScannerServices.Build(directory, acquirer: RootScan.Acquirer(Image, root, 'b'), policy: CveFeedPolicy.Required);
        var feed = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "cve-feed-bookworm.xml");
        return await services.GetRequiredService<IImageScanner>().ScanAsync(RootScan.Request(Image, directory, feed), null, CancellationToken.None);
    }
}
