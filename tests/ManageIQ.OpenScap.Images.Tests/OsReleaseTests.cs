using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests;

public class OsReleaseTests
{
    [Test]
    public void Parse_UbuntuFile_ReadsQuotedAndBareValues()
    {
        var release = OsRelease.Parse("NAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\nID=ubuntu\nID_LIKE=debian\n# comment\nPRETTY_NAME=\"Ubuntu 22.04.4 LTS\"\n");

        Assert.That(release.Id, Is.EqualTo("ubuntu"));
        Assert.That(release.VersionId, Is.EqualTo("22.04"));
        Assert.That(string.Join(' ', release.IdLike), Is.EqualTo("debian"));
        Assert.That(release.PrettyName, Is.EqualTo("Ubuntu 22.04.4 LTS"));
    }

    [Test]
    public void Parse_RhelIdLike_SplitsOnSpaces()
    {
        var release = OsRelease.Parse("ID=\"rhel\"\nID_LIKE=\"fedora centos\"\nVERSION_ID='9.4'\nPRETTY_NAME=\"Red Hat \\\"Enterprise\\\" Linux\"");

        Assert.That(release.Id, Is.EqualTo("rhel"));
        Assert.That(string.Join(' ', release.IdLike), Is.EqualTo("fedora centos"));
        Assert.That(release.VersionId, Is.EqualTo("9.4"));
        Assert.That(release.PrettyName, Is.EqualTo("Red Hat \"Enterprise\" Linux"));
    }

    [Test]
    public void Parse_NoId_DefaultsToLinux()
    {
        Assert.That(OsRelease.Parse("NAME=x\n").Id, Is.EqualTo("linux"));
    }

    [Test]
    public void ReadFromRoot_EtcLinksToUsrLib_FollowsInsideRoot()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(root.Combine("usr", "lib"));
        Directory.CreateDirectory(root.Combine("etc"));
        File.WriteAllText(root.Combine("usr", "lib", "os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
        File.CreateSymbolicLink(root.Combine("etc", "os-release"), "../usr/lib/os-release");

        var release = OsRelease.ReadFromRoot(root.Path);

        Assert.That(release, Is.Not.Null);
        Assert.That(release!.Id, Is.EqualTo("debian"));
        Assert.That(release.VersionId, Is.EqualTo("12"));
    }

    [Test]
    public void ReadFromRoot_AbsoluteLinkToHostFile_StaysInsideRoot()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(root.Combine("etc"));
        // The host has /etc/debian_version; inside this root the link leads nowhere.
        File.CreateSymbolicLink(root.Combine("etc", "os-release"), "/etc/debian_version");

        Assert.That(OsRelease.ReadFromRoot(root.Path), Is.Null);
    }

    [Test]
    public void ReadFromRoot_LinkToItself_ReturnsNull()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(root.Combine("etc"));
        File.CreateSymbolicLink(root.Combine("etc", "os-release"), "/etc/os-release");

        Assert.That(OsRelease.ReadFromRoot(root.Path), Is.Null);
    }

    [Test]
    public void ReadFromRoot_OnlyUsrLib_UsesIt()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(root.Combine("usr", "lib"));
        File.WriteAllText(root.Combine("usr", "lib", "os-release"), "ID=alpine\nVERSION_ID=3.20.0\n");

        Assert.That(OsRelease.ReadFromRoot(root.Path)!.Id, Is.EqualTo("alpine"));
    }
}
