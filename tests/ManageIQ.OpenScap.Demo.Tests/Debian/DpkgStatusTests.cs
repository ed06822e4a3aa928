using ManageIQ.OpenScap.Demo.Debian;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Demo.Tests.Debian;

/// <summary>The installed packages of a root filesystem, from its dpkg status file.</summary>
public sealed class DpkgStatusTests
{
    [Test]
    public void Parse_OnlyInstalledStanzas_WithTheirSourcePackage()
    {
        const string status = """
            Package: libpam0g
            Status: install ok installed
            Source: pam
            Version: 1.5.2-6+deb12u1
            Architecture: amd64
            Description: PAM
             a continuation line: Not: a field

            Package: bash
            Status: install ok installed
            Source: bash (5.2.15-2)
            Version: 5.2.15-2+b7
            Architecture: amd64

            Package: removed
            Status: deinstall ok config-files
            Version: 1.0

            Package: zlib1g
            Status: install ok installed
            Version: 1:1.2.13.dfsg-1
            Architecture: amd64
            """;

        var packages = DpkgStatus.Parse(new StringReader(status), "status");

        Assert.That(packages.Select(p => (p.Name, p.Version.Text, p.Source)), Is.EqualTo(new[]
        {
            ("libpam0g", "1.5.2-6+deb12u1", "pam"),
            ("bash", "5.2.15-2+b7", "bash"),
            ("zlib1g", "1:1.2.13.dfsg-1", "zlib1g"),
        }));
    }

    [Test]
    public void ReadRoot_ASyntheticDebianRoot_ListsItsPackages()
    {
        using var root = new TempDirectory();
        SyntheticDebianRoot.Write(root.Path);

        Assert.That(DpkgStatus.ReadRoot(root.Path).Select(p => p.Name), Is.EquivalentTo(SyntheticDebianRoot.DefaultPackages.Select(p => p.Name)));
    }

    [Test]
    public void Parse_AnInstalledPackageWithABadVersion_NamesIt()
    {
        var error = Assert.Throws<InvalidDataException>(() => DpkgStatus.Parse(new StringReader("Package: x\nStatus: install ok installed\nVersion: banana\n"), "status"));
        Assert.That(error!.Message, Does.Contain("package x has the version 'banana'"));
    }

    [Test]
    public void Parse_ALineThatIsNoField_NamesTheLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => DpkgStatus.Parse(new StringReader("Package: x\nnonsense\n"), "status"));
        Assert.That(error!.Message, Does.StartWith("status:2:"));
    }

    [Test]
    public void ReadRoot_NoStatusFile_SaysItIsNoDebianRoot()
    {
        using var root = new TempDirectory();
        var error = Assert.Throws<InvalidDataException>(() => DpkgStatus.ReadRoot(root.Path));
        Assert.That(error!.Message, Does.Contain("not a Debian root filesystem"));
    }
}
