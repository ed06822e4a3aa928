using System.Text.Json.Nodes;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Sources;

/// <summary>An acquired root's links all lead inside it, whatever the layers did; a root unpacked before that is not reused.</summary>
public partial class LocalSourceTests
{
    [Test]
    public async Task AcquireAsync_LinksOfEveryLayer_LeadInsideTheRoot(CancellationToken cancellationToken)
    {
        var readOnly = (UnixFileMode)0x16D; // 0555
        var image = new TestImage()
            .Layer(new TestLayer()
                .File("etc/os-release", "ID=debian\nVERSION_ID=12\n")
                .File("usr/share/zoneinfo/Etc/UTC", "image UTC")
                .Symlink("etc/sudoers", "/nonexistent-lower")
                .File("etc/login.defs", "lower file")
                .Directory("etc/ro", readOnly)
                .Symlink("etc/ro/link", "/etc/passwd"))
            .Layer(new TestLayer()
                .Symlink("etc/sudoers", "../../../../../../../../../../tmp/outside/sudoers")
                .Symlink("etc/login.defs", "/tmp/outside/login.defs")
                .Symlink("etc/localtime", "/usr/share/zoneinfo/Etc/UTC"))
            .Build();
        var layout = _directory.Combine("layout");
        image.WriteOciLayout(layout, "1");

        var acquired = await Acquirers.Create().AcquireAsync(Request($"oci:{layout}:1"), null, cancellationToken);

        var root = acquired.RootFileSystemPath;
        Assert.That(TargetOf(root, "etc/sudoers"), Is.EqualTo("../tmp/outside/sudoers"));
        Assert.That(TargetOf(root, "etc/login.defs"), Is.EqualTo("../tmp/outside/login.defs"));
        Assert.That(TargetOf(root, "etc/ro/link"), Is.EqualTo("../passwd"));
        Assert.That(File.ReadAllText(Path.Combine(root, "etc/localtime")), Is.EqualTo("image UTC"));
        Assert.That(File.GetUnixFileMode(Path.Combine(root, "etc/ro")), Is.EqualTo(readOnly), "directory modes are applied after the links are rewritten");
    }

    [Test]
    public async Task AcquireAsync_RootUnpackedBeforeLinksWereConfined_IsUnpackedAgain(CancellationToken cancellationToken)
    {
        var image = new TestImage().Layer(new TestLayer().File("etc/os-release", "ID=debian\n").Symlink("etc/sudoers", "/etc/host-sudoers")).Build();
        var layout = _directory.Combine("layout");
        image.WriteOciLayout(layout, "1");
        var acquirer = Acquirers.Create();
        var first = await acquirer.AcquireAsync(Request($"oci:{layout}:1"), null, cancellationToken);
        var reused = await acquirer.AcquireAsync(Request($"oci:{layout}:1"), null, cancellationToken);

        // What an older version left: the link as written, and a marker that does not say the links were confined.
        var marker = Path.Combine(_directory.Combine("work"), "acquired.json");
        var old = JsonNode.Parse(File.ReadAllText(marker))!.AsObject();
        old.Remove("LinksConfined");
        File.WriteAllText(marker, old.ToJsonString());
        var sudoers = Path.Combine(first.RootFileSystemPath, "etc/sudoers");
        File.Delete(sudoers);
        File.CreateSymbolicLink(sudoers, "/etc/host-sudoers");
        var again = await acquirer.AcquireAsync(Request($"oci:{layout}:1"), null, cancellationToken);

        Assert.That(reused.Reused, Is.True);
        Assert.That(again.Reused, Is.False);
        Assert.That(TargetOf(again.RootFileSystemPath, "etc/sudoers"), Is.EqualTo("host-sudoers"));
    }

    private static string? TargetOf(string root, string relative) => new FileInfo(Path.Combine(root, relative)).LinkTarget;
}
