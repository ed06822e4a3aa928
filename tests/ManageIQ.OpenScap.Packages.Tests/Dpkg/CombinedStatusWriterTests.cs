using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Packages.Tests.Dpkg;

[CancelAfter(60_000)]
public class CombinedStatusWriterTests
{
    [Test]
    public async Task WriteCombinedDpkgStatusAsync_Distroless_WritesOneInstalledParagraphPerPackage()
    {
        using var directory = new TempDirectory();
        SyntheticDebianRoot.Write(directory.Path, [new("openssl", "3.0.11-1~deb12u2"), new("libssl3", "3.0.11-1~deb12u2", Source: "openssl")], layout: DpkgLayout.StatusDirectory);
        var reader = InventoryReaders.Create();

        var count = await reader.WriteCombinedDpkgStatusAsync(directory.Path, CancellationToken.None);

        Assert.That(count, Is.EqualTo(2));
        var status = await File.ReadAllTextAsync(directory.Combine("var/lib/dpkg/status"));
        Assert.That(status, Does.StartWith("Package: libssl3\nStatus: install ok installed\nSource: openssl\n"));
        Assert.That(status, Does.Contain("\n\nPackage: openssl\nStatus: install ok installed\n"));
        Assert.That(Directory.GetFiles(directory.Combine("var/lib/dpkg"), ".*"), Is.Empty, "no partial file left");
        var reread = await reader.ReadAsync(directory.Path, new OsRelease { Id = "debian", VersionId = "12" }, CancellationToken.None);
        Assert.That(reread.FromStatusDirectory, Is.False);
        Assert.That(reread.InstalledNames(), Is.EquivalentTo(new[] { "openssl", "libssl3" }));
    }

    [Test]
    public void WriteCombinedDpkgStatusAsync_StatusIsADirectory_FailsAndWritesNothing()
    {
        using var directory = new TempDirectory();
        SyntheticDebianRoot.Write(directory.Path, layout: DpkgLayout.StatusDirectory);
        Directory.CreateDirectory(directory.Combine("var/lib/dpkg/status"));

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create().WriteCombinedDpkgStatusAsync(directory.Path, CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("is not a regular file"));
    }
}
