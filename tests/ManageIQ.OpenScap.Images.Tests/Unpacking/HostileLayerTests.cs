using System.Security.Cryptography;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Unpacking;

/// <summary>
/// Acquires every image of the hostile corpus (through the whole acquirer, from OCI layouts) inside
/// a sandbox, then proves that nothing outside the unpack roots changed: the sandbox is snapshotted
/// (type, mode, size, content, link target) before and after, and host paths the corpus aims at are checked.
/// </summary>
[CancelAfter(180_000)]
public class HostileLayerTests
{
    private static readonly string[] AcquirerEntries = ["rootfs", "acquired.json", "blobs"];
    private static readonly string[] FailedEntries = ["blobs"];

    [Test]
    public async Task AcquireAsync_HostileCorpus_FailsOrStaysInsideAndWritesNothingOutside(CancellationToken cancellationToken)
    {
        using var sandbox = new TempDirectory("miq-hostile-");
        var outside = sandbox.Combine("outside");
        Directory.CreateDirectory(Path.Combine(outside, "dir"));
        File.WriteAllText(Path.Combine(outside, "victim.txt"), "original");
        File.WriteAllText(Path.Combine(outside, "dir", "keep.txt"), "keep");
        var hostMarker = "miq-pwned-" + Guid.NewGuid().ToString("N");
        var corpus = HostileCorpus.Build(outside, hostMarker);
        foreach (var hostile in corpus)
        {
            var layout = sandbox.Combine("layouts", hostile.Name);
            hostile.Image.WriteOciLayout(layout, "x");
            hostile.TamperLayout?.Invoke(layout);
        }

        var before = Snapshot(sandbox.Path);
        var acquirer = Acquirers.Create();
        var outcomes = new List<string>();
        foreach (var hostile in corpus)
        {
            var request = new ImageAcquisitionRequest
            {
                Source = ImageSource.FromOciLayout(sandbox.Combine("layouts", hostile.Name), "x"),
                WorkDirectory = sandbox.Combine("work", hostile.Name),
                Limits = hostile.Limits ?? UnpackLimits.Default,
            };
            try
            {
                var image = await acquirer.AcquireAsync(request, null, cancellationToken);
                outcomes.Add($"{hostile.Name}: acquired");
                hostile.CheckRoot?.Invoke(image.RootFileSystemPath);
            }
            catch (ImageAcquisitionException ex)
            {
                outcomes.Add($"{hostile.Name}: {ex.Failure}");
                Assert.That(ex.Message, Does.Contain(hostile.Name), "the message names the image");
                Assert.That(ex.Message, Does.Contain(hostile.ExpectedMessage ?? string.Empty), hostile.Name);
                Assert.That(Directory.EnumerateFileSystemEntries(request.WorkDirectory).Select(Path.GetFileName), Is.SubsetOf(FailedEntries),
                    $"{hostile.Name}: a failed acquisition leaves no root filesystem and no marker");
            }
        }

        var expected = corpus.Select(c => $"{c.Name}: {(c.ExpectedFailure is { } f ? f.ToString() : "acquired")}");
        Assert.That(outcomes, Is.EqualTo(expected));
        var after = Snapshot(sandbox.Path);
        Assert.That(after.Where(e => !before.Contains(e)), Is.Empty, "entries created or changed outside the unpack roots");
        Assert.That(before.Where(e => !after.Contains(e)), Is.Empty, "entries removed or changed outside the unpack roots");
        Assert.That(File.Exists(Path.Combine("/etc", hostMarker)), Is.False);
        Assert.That(File.Exists(Path.Combine(Path.GetTempPath(), hostMarker)), Is.False);
        Assert.That(File.Exists(Path.Combine("/tmp", hostMarker)), Is.False);
        // The work directories are the acquirer's: only the per-case directories, in each only its own entries.
        Assert.That(Directory.EnumerateFileSystemEntries(sandbox.Combine("work")).Select(Path.GetFileName), Is.EquivalentTo(corpus.Select(c => c.Name)));
        foreach (var work in Directory.EnumerateDirectories(sandbox.Combine("work")))
        {
            Assert.That(Directory.EnumerateFileSystemEntries(work).Select(Path.GetFileName), Is.SubsetOf(AcquirerEntries), work);
            var blobs = Path.Combine(work, "blobs");
            Assert.That(Directory.Exists(blobs) ? Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories) : [], Is.Empty, work);
        }
    }

    /// <summary>Every entry below <paramref name="sandbox"/> except the work directories, without following links.</summary>
    private static HashSet<string> Snapshot(string sandbox)
    {
        var entries = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(sandbox);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var path in Directory.EnumerateFileSystemEntries(directory))
            {
                var relative = Path.GetRelativePath(sandbox, path);
                if (relative == "work")
                {
                    continue;
                }

                var info = new FileInfo(path);

                if (info.LinkTarget is { } target)
                {
                    entries.Add($"{relative} -> {target}");
                }
                else if (Directory.Exists(path))
                {
                    entries.Add($"{relative}/ {File.GetUnixFileMode(path)}");
                    pending.Push(path);
                }
                else
                {
                    entries.Add($"{relative} {info.UnixFileMode} {info.Length} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))}");
                }
            }
        }

        return entries;
    }
}
