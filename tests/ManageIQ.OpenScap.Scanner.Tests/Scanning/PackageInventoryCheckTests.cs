using ManageIQ.OpenScap.Packages;
using ManageIQ.OpenScap.Scanner.Oscap;
using ManageIQ.OpenScap.Scanner.Scanning;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ManageIQ.OpenScap.Scanner.Tests.Scanning;

/// <summary>The inventory check against results the real oscap wrote for the hand-written bookworm feed.</summary>
[CancelAfter(120_000)]
public class PackageInventoryCheckTests
{
    [Test]
    public async Task VerifyAsync_InventoryListsAPackageTheProbeDidNotSee_NamesIt()
    {
        using var directory = new TempDirectory();
        var results = await EvaluateFeedAsync(directory, [new("bash", "5.2.15-2+b7")]);
        var inventory = Inventory(("bash", true), ("openssl", true));

        var problem = await Check(directory).VerifyAsync(inventory, [results], CancellationToken.None);

        Assert.That(problem, Is.EqualTo("oscap's dpkginfo probe did not see packages the image's package database (var/lib/dpkg/status) lists as installed: openssl. Their vulnerabilities would be missed, so the scan is an error, not a result."));
    }

    [Test]
    public async Task VerifyAsync_ProbeSawEveryInstalledPackage_IsNull()
    {
        using var directory = new TempDirectory();
        var results = await EvaluateFeedAsync(directory, SyntheticDebianRoot.DefaultPackages);

        var problem = await Check(directory).VerifyAsync(Inventory(("bash", true), ("openssl", true), ("tzdata", true)), [results], CancellationToken.None);

        Assert.That(problem, Is.Null);
    }

    [Test]
    public async Task VerifyAsync_AskedPackageNotInstalledAnywhere_IsNull()
    {
        using var directory = new TempDirectory();
        var results = await EvaluateFeedAsync(directory, [new("bash", "5.2.15-2+b7")]);

        // openssl is asked about and absent, and the inventory agrees (only its configuration files are left).
        var problem = await Check(directory).VerifyAsync(Inventory(("bash", true), ("openssl", false)), [results], CancellationToken.None);

        Assert.That(problem, Is.Null);
    }

    [Test]
    public async Task PrepareAsync_RpmImageWithoutChroot_RefusesNamingTheOptIn()
    {
        using var directory = new TempDirectory();
        SyntheticRpmRoot.Write(directory.Combine("rootfs"), directory.Combine("rpmbuild"), [new("vulnlib", "1.0.1", "1.el9")]);
        var chroot = new Mock<IChrootCapability>();
        var reason = "runs as user nobody without CAP_SYS_CHROOT";
        chroot.Setup(c => c.CanChroot(out reason)).Returns(false);

        var prepared = await Check(directory, chroot.Object).PrepareAsync(directory.Combine("rootfs"), new Images.OsRelease { Id = "rhel", VersionId = "9.4" }, CancellationToken.None);

        Assert.That(prepared.Failure, Does.StartWith("RPM probes need chroot: the image is RPM-based (var/lib/rpm/rpmdb.sqlite) and the scanner runs as user nobody without CAP_SYS_CHROOT.")
            .And.Contain("Bridge:ProviderOverrides:<id>:RpmScanMode"));
    }

    private static PackageInventory Inventory(params (string Name, bool Installed)[] packages) => new()
    {
        Kind = PackageDatabaseKind.Dpkg,
        Source = "var/lib/dpkg/status",
        Packages = [.. packages.Select(p => new InstalledPackage(p.Name, "1", "amd64", p.Name, "1", p.Installed))],
    };

    private static PackageInventoryCheck Check(TempDirectory directory, IChrootCapability? chroot = null)
    {
        var services = ScannerServices.Build(directory);
        return chroot is null
            ? services.GetRequiredService<PackageInventoryCheck>()
            : ActivatorUtilities.CreateInstance<PackageInventoryCheck>(services, chroot);
    }

    private static async Task<string> EvaluateFeedAsync(TempDirectory directory, IEnumerable<DebianPackage> packages)
    {
        var root = directory.Combine("rootfs");
        SyntheticDebianRoot.Write(root, packages);
        var feed = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "cve-feed-bookworm.xml");
        var results = directory.Combine("results.xml");
        var run = await Testing.Oscap.RunAsync(root, directory.Path, ["oval", "eval", "--results", results, feed]);
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        return results;
    }
}
