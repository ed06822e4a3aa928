using System.Diagnostics;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Packages.Tests;

[CancelAfter(60_000)]
public class PackageInventoryReaderTests
{
    private static readonly OsRelease Debian = new() { Id = "debian", VersionId = "12" };

    [Test]
    public async Task ReadAsync_StatusFile_ListsBinaryAndSourceNamesWithVersions()
    {
        using var directory = new TempDirectory();
        SyntheticDebianRoot.Write(directory.Path, [new("openssl", "3.0.11-1~deb12u2"), new("libssl3", "3.0.11-1~deb12u2", Source: "openssl"), new("libc6", "2.36-9+deb12u4", Source: "glibc (2.36-9+deb12u3)")]);

        var inventory = await InventoryReaders.Create().ReadAsync(directory.Path, Debian, CancellationToken.None);

        Assert.That(inventory.Kind, Is.EqualTo(PackageDatabaseKind.Dpkg));
        Assert.That(inventory.Source, Is.EqualTo("var/lib/dpkg/status"));
        Assert.That(inventory.FromStatusDirectory, Is.False);
        Assert.That(inventory.Packages, Is.EqualTo(new[]
        {
            new InstalledPackage("openssl", "3.0.11-1~deb12u2", "amd64", "openssl", "3.0.11-1~deb12u2"),
            new InstalledPackage("libssl3", "3.0.11-1~deb12u2", "amd64", "openssl", "3.0.11-1~deb12u2"),
            new InstalledPackage("libc6", "2.36-9+deb12u4", "amd64", "glibc", "2.36-9+deb12u3"),
        }));
    }

    [Test]
    public async Task ReadAsync_RemovedAndHalfInstalledPackages_DropsConfigFilesAndMarksTheRest()
    {
        using var directory = new TempDirectory();
        SyntheticDebianRoot.Write(directory.Path, []);
        await File.WriteAllTextAsync(directory.Combine("var/lib/dpkg/status"),
            "Package: gone\nStatus: deinstall ok config-files\nVersion: 1.0\n\n" +
            "Package: half\nStatus: install ok half-configured\nVersion: 2.0\nDescription: x\n continued\n .\n\n" +
            "Package: whole\r\nStatus: install ok installed\r\nVersion: 3.0\r\n");

        var inventory = await InventoryReaders.Create().ReadAsync(directory.Path, Debian, CancellationToken.None);

        Assert.That(inventory.Packages.Select(p => (p.Name, p.FullyInstalled)), Is.EqualTo(new[] { ("half", false), ("whole", true) }));
        Assert.That(inventory.InstalledNames(), Is.EquivalentTo(new[] { "whole" }));
    }

    [Test]
    public async Task ReadAsync_DistrolessStatusDirectory_ReadsEveryControlFileButTheChecksums()
    {
        using var directory = new TempDirectory();
        SyntheticDebianRoot.Write(directory.Path, layout: DpkgLayout.StatusDirectory);

        var inventory = await InventoryReaders.Create().ReadAsync(directory.Path, Debian, CancellationToken.None);

        Assert.That(inventory.FromStatusDirectory, Is.True);
        Assert.That(inventory.Source, Is.EqualTo("var/lib/dpkg/status.d (6 files)"));
        Assert.That(inventory.InstalledNames(), Is.EquivalentTo(SyntheticDebianRoot.DefaultPackages.Select(p => p.Name)));
    }

    [Test]
    public void ReadAsync_DebianWithoutDatabase_FailsNamingBothPaths()
    {
        using var directory = new TempDirectory();
        SyntheticDebianRoot.Write(directory.Path, layout: DpkgLayout.None);

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create().ReadAsync(directory.Path, Debian, CancellationToken.None));

        Assert.That(e!.Message, Is.EqualTo("The image has no dpkg database: neither var/lib/dpkg/status nor var/lib/dpkg/status.d exists."));
    }

    [Test]
    public void ReadAsync_EmptyStatusFile_FailsRatherThanListingNothing()
    {
        using var directory = new TempDirectory();
        SyntheticDebianRoot.Write(directory.Path, []);

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create().ReadAsync(directory.Path, Debian, CancellationToken.None));

        Assert.That(e!.Message, Is.EqualTo("var/lib/dpkg/status lists no installed package."));
    }

    [TestCase("\0\u0001\u0002binary", "line 1 holds a NUL character")]
    [TestCase("Package: a\nVersion: 1\nthis is not a field\n", "line 3 is not a 'Field: value' line")]
    [TestCase(" continuation first\n", "line 1 continues a field")]
    [TestCase("Version: 1\nStatus: install ok installed\n", "the paragraph at line 1 has no Package field")]
    [TestCase("Package: a\nStatus: install ok installed\n", "package a (line 1) is installed but has no Version field")]
    public async Task ReadAsync_GarbageStatusFile_FailsWithTheLine(string content, string expected)
    {
        using var directory = new TempDirectory();
        SyntheticDebianRoot.Write(directory.Path, []);
        await File.WriteAllTextAsync(directory.Combine("var/lib/dpkg/status"), content);

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create().ReadAsync(directory.Path, Debian, CancellationToken.None));

        Assert.That(e!.Message, Does.Contain(expected));
    }

    [Test]
    public async Task ReadAsync_StatusOverTheSizeLimit_FailsNamingTheKey()
    {
        using var directory = new TempDirectory();
        SyntheticDebianRoot.Write(directory.Path);
        await using (var status = File.OpenWrite(directory.Combine("var/lib/dpkg/status")))
        {
            status.SetLength(4096);
        }

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create(l => l.MaxFileBytes = 2048).ReadAsync(directory.Path, Debian, CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("4096 bytes, over the 2048-byte limit (PackageInventory:MaxFileBytes)"));
    }

    [Test]
    public async Task ReadAsync_EndlessLine_FailsBeforeReadingItAll()
    {
        using var directory = new TempDirectory();
        SyntheticDebianRoot.Write(directory.Path);
        await File.WriteAllTextAsync(directory.Combine("var/lib/dpkg/status"), "Package: " + new string('a', 10_000));

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create(l => l.MaxLineLength = 1000).ReadAsync(directory.Path, Debian, CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("line 1 is longer than 1000 characters (PackageInventory:MaxLineLength)"));
    }

    [Test]
    public async Task ReadAsync_TooManyStatusFiles_FailsNamingTheKey()
    {
        using var directory = new TempDirectory();
        SyntheticDebianRoot.Write(directory.Path, layout: DpkgLayout.StatusDirectory);

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create(l => l.MaxStatusFiles = 5).ReadAsync(directory.Path, Debian, CancellationToken.None));

        Assert.That(e!.Message, Is.EqualTo("var/lib/dpkg/status.d holds more than 5 entries (PackageInventory:MaxStatusFiles)."));
        await Task.CompletedTask;
    }

    [Test]
    public async Task ReadAsync_StatusLinkedOutOfTheRoot_ReadsInsideTheRootOnly()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("root");
        SyntheticDebianRoot.Write(root, layout: DpkgLayout.None);
        // Next to the root, at the path the absolute link names: it must not be read.
        var outside = directory.Combine("root-outside-status");
        await File.WriteAllTextAsync(outside, "Package: host-package\nStatus: install ok installed\nVersion: 1\n");
        File.CreateSymbolicLink(Path.Combine(root, "var/lib/dpkg/status"), outside);
        File.CreateSymbolicLink(Path.Combine(root, "var/lib/dpkg/status.d"), "../../../../../../" + outside);

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create().ReadAsync(root, Debian, CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("no dpkg database"), "both links lead to names that do not exist inside the root");
    }

    [Test]
    public void ReadAsync_StatusIsAFifo_FailsWithoutBlocking()
    {
        using var directory = new TempDirectory();
        SyntheticDebianRoot.Write(directory.Path, layout: DpkgLayout.None);
        using (var mkfifo = Process.Start("mkfifo", [directory.Combine("var/lib/dpkg/status")]))
        {
            mkfifo.WaitForExit();
            Assert.That(mkfifo.ExitCode, Is.Zero);
        }

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create().ReadAsync(directory.Path, Debian, CancellationToken.None));

        Assert.That(e!.Message, Does.StartWith("var/lib/dpkg/status is not a regular file"));
    }

    [Test]
    public async Task ReadAsync_UnknownDistributionWithoutDatabase_IsNone()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.Combine("hello"), "x");

        var inventory = await InventoryReaders.Create().ReadAsync(directory.Path, new OsRelease { Id = "alpine", VersionId = "3.20" }, CancellationToken.None);

        Assert.That(inventory.Kind, Is.EqualTo(PackageDatabaseKind.None));
    }

    [Test]
    public void ReadAsync_RhelWithoutRpmDatabase_Fails()
    {
        using var directory = new TempDirectory();

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create().ReadAsync(directory.Path, new OsRelease { Id = "rhel", VersionId = "9.4", IdLike = ["fedora"] }, CancellationToken.None));

        Assert.That(e!.Message, Does.StartWith("The image has no RPM database: none of usr/lib/sysimage/rpm/rpmdb.sqlite"));
    }

    [Test]
    public async Task ReadAsync_UbuntuByIdLike_ReadsDpkg()
    {
        using var directory = new TempDirectory();
        SyntheticDebianRoot.Write(directory.Path);

        var inventory = await InventoryReaders.Create().ReadAsync(directory.Path, new OsRelease { Id = "pop", IdLike = ["ubuntu", "debian"] }, CancellationToken.None);

        Assert.That(inventory.Packages, Has.Count.EqualTo(6));
    }
}
