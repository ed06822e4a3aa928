using ManageIQ.OpenScap.Images.Unpacking;

namespace ManageIQ.OpenScap.Images.Tests.Unpacking;

/// <summary>The rewrite of every link to its chroot-style equivalent inside the root (no oscap).</summary>
public class SymbolicLinkConfinerTests : UnpackRootFixture
{
    // link, target as written by the image, target after confinement, what reading through it gives (null: nothing there).
    private static readonly object?[][] Shapes =
    [
        ["etc/localtime", "/usr/share/zoneinfo/Etc/UTC", "../usr/share/zoneinfo/Etc/UTC", "image UTC"],
        ["etc/excess", "../../../../../../../../../../etc/passwd", "passwd", "image passwd"],
        ["etc/dotdot-inside", "/usr/../etc/./passwd", "passwd", "image passwd"],
        ["usr/lib64/ld.so", "/lib/x86_64-linux-gnu/ld.so", "../lib/x86_64-linux-gnu/ld.so", "image ld"],
        ["etc/ssh", "/opt/ssh", "../opt/ssh", null],
        ["etc/os-release", "../usr/lib/os-release", "../usr/lib/os-release", "ID=debian\n"],
        ["var/run", "/run", "../run", null],
        ["dev/fd", "/proc/self/fd", "../proc/self/fd", null],
        ["etc/mtab", "/proc/self/mounts", "../proc/self/mounts", null],
        ["host-root", "/proc/1/root/etc/shadow", "proc/1/root/etc/shadow", null],
        ["etc/nowhere", "/nope/a/../b/./c", "../nope/a/b/c", null],
        ["etc/below-a-file", "/etc/passwd/x", "passwd/./x", null],
        ["etc/trailing-slash", "/etc/passwd/", "passwd/.", null],
        ["root", "/", ".", null],
        ["a/b/up", "../../../..", "../..", null],
        ["a/b/here", ".", ".", null],
        ["a/b/here-absolute", "/a/b", ".", null],
    ];

    [TestCaseSource(nameof(Shapes))]
    public void Confine_LinkShape_LeadsToTheChrootEquivalentInsideTheRoot(string link, string target, string confined, string? content)
    {
        WriteBaseTree();
        Link(link, target);

        Confine();

        Assert.That(TargetOf(link), Is.EqualTo(confined));
        var path = Path.Combine(Root, link);
        if (content is not null)
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo(content));
        }

        Assert.That(IsInsideRoot(path), Is.True, "the kernel resolves the new target inside the root");
    }

    [Test]
    public void Confine_LinkToADirectory_ReadsTheImagesFilesBelowIt()
    {
        WriteBaseTree();
        Link("etc/ssh", "/opt/ssh");

        Confine();

        Assert.That(File.ReadAllText(Path.Combine(Root, "etc/ssh/sshd_config")), Is.EqualTo("image sshd"));
    }

    [Test]
    public void Confine_Chain_PointsEachLinkAtTheEndOfItsChain()
    {
        WriteBaseTree();
        WriteFile("usr/bin/mawk", "image mawk");
        Link("etc/alternatives/awk", "/usr/bin/mawk");
        Link("usr/bin/awk", "/etc/alternatives/awk");
        Link("usr/share/man/man1/awk.1.gz", "../../../../../../../etc/alternatives/awk.1.gz");
        Link("etc/alternatives/awk.1.gz", "/usr/share/man/man1/mawk.1.gz");

        var report = Confine();

        Assert.That(TargetOf("usr/bin/awk"), Is.EqualTo("mawk"));
        Assert.That(TargetOf("etc/alternatives/awk"), Is.EqualTo("../../usr/bin/mawk"));
        Assert.That(File.ReadAllText(Path.Combine(Root, "usr/bin/awk")), Is.EqualTo("image mawk"));
        Assert.That(TargetOf("usr/share/man/man1/awk.1.gz"), Is.EqualTo("mawk.1.gz"), "a dangling chain ends at the missing name");
        Assert.That(report, Is.EqualTo(new LinkConfinementReport(5, 4, 2, 0, report.Lookups)), "lib -> usr/lib was already confined");
    }

    [Test]
    public void Confine_Loops_PointAtThemselves()
    {
        WriteBaseTree();
        Link("loop/a", "b");
        Link("loop/b", "/loop/a");
        Link("loop/into", "/loop/a/x");
        Link("loop/self", "self");
        Link("loop/through-itself", "through-itself/x");

        var report = Confine();

        foreach (var name in new[] { "a", "b", "into", "self", "through-itself" })
        {
            Assert.That(TargetOf("loop/" + name), Is.EqualTo(name));
            Assert.That(() => File.ReadAllText(Path.Combine(Root, "loop", name)), Throws.InstanceOf<IOException>(), "ELOOP, as in a chroot");
        }

        Assert.That(report.Loops, Is.EqualTo(5));
        Assert.That(report.Rewritten, Is.EqualTo(4), "loop/self already pointed at itself");
    }

    [Test]
    public void Confine_ChainLongerThanTheKernelFollows_KeepsWhatTheKernelCouldRead()
    {
        WriteBaseTree();
        const int last = 45;
        for (var i = 0; i < last; i++)
        {
            Link($"chain/l{i}", $"l{i + 1}");
        }

        Link($"chain/l{last}", "../etc/passwd");
        var readableBefore = Enumerable.Range(0, last + 1).Select(i => CanRead($"chain/l{i}")).ToArray();

        var report = Confine();

        var readableAfter = Enumerable.Range(0, last + 1).Select(i => CanRead($"chain/l{i}")).ToArray();
        Assert.That(readableAfter, Is.EqualTo(readableBefore), "the same links resolve as before (Linux follows 40)");
        Assert.That(readableAfter.Count(r => !r), Is.EqualTo(last + 1 - ChrootLinkResolver.MaxLinksFollowed));
        Assert.That(report.Loops, Is.EqualTo(last + 1 - ChrootLinkResolver.MaxLinksFollowed));
        Assert.That(TargetOf("chain/l0"), Is.EqualTo("l0"));
        Assert.That(TargetOf("chain/l10"), Is.EqualTo("../etc/passwd"));
    }

    [Test]
    public void Confine_LinksOutOfTheRoot_NeitherFollowedNorTouched()
    {
        WriteBaseTree();
        // Outside the root, next to it: what a host-side resolution would reach.
        var outside = Scratch.Combine("outside");
        Directory.CreateDirectory(Path.Combine(outside, "sub"));
        File.WriteAllText(Path.Combine(outside, "data"), "HOST SECRET");
        File.CreateSymbolicLink(Path.Combine(outside, "sub", "onward"), "/etc/hostname");
        var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var path in new[] { outside, Path.Combine(outside, "sub"), Path.Combine(outside, "data") })
        {
            if (Directory.Exists(path))
            {
                Directory.SetLastAccessTimeUtc(path, old);
            }
            else
            {
                File.SetLastAccessTimeUtc(path, old);
            }
        }

        AssumeAccessTimesAreRecorded();
        Link("etc/absolute", outside + "/data");
        Link("etc/relative", "../../outside/sub/onward");
        Link("etc/directory", outside);
        Link("etc/chain", "/etc/absolute");

        Confine();

        Assert.That(TargetOf("etc/absolute"), Is.EqualTo(".." + outside + "/data"));
        Assert.That(TargetOf("etc/relative"), Is.EqualTo("../outside/sub/onward"));
        Assert.That(TargetOf("etc/directory"), Is.EqualTo(".." + outside));
        Assert.That(TargetOf("etc/chain"), Is.EqualTo(".." + outside + "/data"));
        foreach (var link in new[] { "etc/absolute", "etc/relative", "etc/directory", "etc/chain" })
        {
            Assert.That(LeadsSomewhere(link), Is.False, link + " leads nowhere inside the root");
        }

        Assert.That(new FileInfo(Path.Combine(outside, "sub", "onward")).LinkTarget, Is.EqualTo("/etc/hostname"), "links outside are left alone");
        Assert.That(Directory.GetLastAccessTimeUtc(outside), Is.EqualTo(old), "the outside directory was not listed");
        Assert.That(Directory.GetLastAccessTimeUtc(Path.Combine(outside, "sub")), Is.EqualTo(old));
        Assert.That(File.GetLastAccessTimeUtc(Path.Combine(outside, "data")), Is.EqualTo(old), "the outside file was not read");
    }

    [Test]
    public void Confine_LinkedDirectory_IsNotWalkedTwice()
    {
        WriteBaseTree();
        Link("usr/lib/inner", "/etc/passwd");
        Link("lib2", "usr/lib");
        Link(".hidden/deep/er/link", "/etc/passwd");

        var report = Confine();

        Assert.That(report.Links, Is.EqualTo(4), "lib, lib2, usr/lib/inner, .hidden/deep/er/link");
        Assert.That(TargetOf(".hidden/deep/er/link"), Is.EqualTo("../../../etc/passwd"));
        Assert.That(TargetOf("lib2"), Is.EqualTo("usr/lib"));
    }

    [Test]
    public void Confine_HardLinkedSymbolicLink_EachNameConfined()
    {
        WriteBaseTree();
        Link("etc/first", "/etc/passwd");
        Assert.That(NativeMethods.Link(Path.Combine(Root, "etc/first"), Path.Combine(Root, "usr/second")), Is.Zero);

        Confine();

        Assert.That(TargetOf("etc/first"), Is.EqualTo("passwd"));
        Assert.That(TargetOf("usr/second"), Is.EqualTo("../etc/passwd"));
    }

    [Test]
    public void Confine_Privileged_KeepsTheLinksOwner()
    {
        Assume.That(Environment.IsPrivilegedProcess, "ownership is kept only when running as root");
        WriteBaseTree();
        Link("etc/owned", "/etc/passwd");
        Assert.That(NativeMethods.LChown(Path.Combine(Root, "etc/owned"), 1234, 4321), Is.Zero);

        SymbolicLinkConfiner.Confine(Root, UnpackLimits.Default, keepOwners: true, CancellationToken.None);

        Assert.That(TargetOf("etc/owned"), Is.EqualTo("passwd"));
        Assert.That(Run("stat", "-c", "%u:%g", Path.Combine(Root, "etc/owned")), Is.EqualTo("1234:4321"));
    }

    [Test]
    public void Confine_NoTemporaryNamesLeftBehind()
    {
        WriteBaseTree();
        WriteFile("etc/.miq-confined-link-0", "an image file with the first temporary name");
        Link("etc/a", "/etc/passwd");

        Confine();

        Assert.That(TargetOf("etc/a"), Is.EqualTo("passwd"));
        Assert.That(File.ReadAllText(Path.Combine(Root, "etc/.miq-confined-link-0")), Does.StartWith("an image file"));
        Assert.That(Directory.GetFileSystemEntries(Path.Combine(Root, "etc"), ".miq-confined-link-*"), Has.Length.EqualTo(1));
    }

    [Test]
    public void Confine_MoreLinksThanAllowed_ThrowsLimitExceeded()
    {
        WriteBaseTree();
        Link("x", "/etc/passwd");
        Link("y", "/etc/passwd");

        var ex = Assert.Throws<LayerException>(() => SymbolicLinkConfiner.Confine(Root, new UnpackLimits { MaxSymbolicLinks = 2 }, false, CancellationToken.None));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.LimitExceeded));
        Assert.That(ex.Message, Does.Contain("more than 2 symbolic links").And.Contain("MaxSymbolicLinks"));
    }

    [Test]
    public void Confine_MoreLookupsThanAllowed_ThrowsLimitExceeded()
    {
        WriteBaseTree();
        Link("x", string.Join('/', Enumerable.Repeat(".", 100)) + "/etc/passwd");

        var ex = Assert.Throws<LayerException>(() => SymbolicLinkConfiner.Confine(Root, new UnpackLimits { MaxSymbolicLinkLookups = 50 }, false, CancellationToken.None));

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.LimitExceeded));
        Assert.That(ex.Message, Does.Contain("MaxSymbolicLinkLookups"));
    }

    [Test]
    public void Confine_Cancelled_Throws()
    {
        WriteBaseTree();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(() => SymbolicLinkConfiner.Confine(Root, UnpackLimits.Default, false, cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    private void WriteBaseTree()
    {
        WriteFile("etc/passwd", "image passwd");
        WriteFile("usr/share/zoneinfo/Etc/UTC", "image UTC");
        WriteFile("usr/lib/os-release", "ID=debian\n");
        WriteFile("usr/lib/x86_64-linux-gnu/ld.so", "image ld");
        WriteFile("opt/ssh/sshd_config", "image sshd");
        foreach (var directory in new[] { "proc", "run", "dev", "a/b", "usr/lib64", "usr/bin" })
        {
            Directory.CreateDirectory(Path.Combine(Root, directory));
        }

        Link("lib", "usr/lib");
    }

    private LinkConfinementReport Confine() => SymbolicLinkConfiner.Confine(Root, UnpackLimits.Default, false, CancellationToken.None);

    private void WriteFile(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private void Link(string relative, string target)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
    }

    private string? TargetOf(string relative) => new FileInfo(Path.Combine(Root, relative)).LinkTarget;

    private bool LeadsSomewhere(string relative) =>
        new FileInfo(Path.Combine(Root, relative)).ResolveLinkTarget(returnFinalTarget: true) is { } final && Path.Exists(final.FullName);

    private bool CanRead(string relative)
    {
        try
        {
            File.ReadAllText(Path.Combine(Root, relative));
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Where the kernel lands following the path (realpath -m): must be the root or below it.</summary>
    private bool IsInsideRoot(string path)
    {
        var real = Run("realpath", "-m", path);
        return real == Root || real.StartsWith(Root + "/", StringComparison.Ordinal);
    }

    private void AssumeAccessTimesAreRecorded()
    {
        var probe = Scratch.Combine("atime-probe");
        File.WriteAllText(probe, "x");
        File.SetLastAccessTimeUtc(probe, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        File.ReadAllText(probe);
        Assume.That(File.GetLastAccessTimeUtc(probe).Year, Is.GreaterThan(2001), "the file system records access times (relatime or strictatime)");
    }

    private static string Run(string program, params string[] arguments)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(program, arguments) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
