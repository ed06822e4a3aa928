using ManageIQ.OpenScap.Images.Unpacking;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Unpacking;

public class RootedPathTests
{
    [Test]
    public void Resolve_LinksAndDotDot_StayInsideRoot()
    {
        using var temp = new TempDirectory();
        var root = temp.Combine("root");
        Directory.CreateDirectory(Path.Combine(root, "usr", "lib"));
        File.CreateSymbolicLink(Path.Combine(root, "lib"), "usr/lib");
        File.CreateSymbolicLink(Path.Combine(root, "etc"), "/private/etc");
        File.CreateSymbolicLink(Path.Combine(root, "up"), "../../../..");

        Assert.That(RootedPath.Resolve(root, "lib/x"), Is.EqualTo(Path.Combine(root, "usr/lib/x")));
        Assert.That(RootedPath.Resolve(root, "etc/passwd"), Is.EqualTo(Path.Combine(root, "private/etc/passwd")));
        Assert.That(RootedPath.Resolve(root, "up/usr/shadow"), Is.EqualTo(Path.Combine(root, "usr/shadow")));
        Assert.That(RootedPath.Resolve(root, "../../../x"), Is.EqualTo(Path.Combine(root, "x")));
        Assert.That(RootedPath.Resolve(root, "/"), Is.EqualTo(root));
    }

    [Test]
    public void Resolve_LinkLoop_ThrowsIOException()
    {
        using var temp = new TempDirectory();
        File.CreateSymbolicLink(temp.Combine("a"), "b");
        File.CreateSymbolicLink(temp.Combine("b"), "a");

        Assert.That(() => RootedPath.Resolve(temp.Path, "a/x"), Throws.InstanceOf<IOException>().With.Message.Contains("symbolic links"));
    }
}
