using System.Diagnostics;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Scap.Tests.Support;

/// <summary>The real oscap runs behind the tests and the committed fixtures; results land in <c>WORK/results</c>.</summary>
public static class FixtureScans
{
    public const string StandardProfile = "xccdf_org.ssgproject.content_profile_standard";
    public const string FeedFileName = "security-oval-oval-definitions-bookworm.xml.bz2";

    public static async Task RunAllAsync(string work, string? dataStream, CancellationToken cancellationToken)
    {
        var root = Path.Combine(work, "rootfs");
        var results = Path.Combine(work, "results");
        Directory.CreateDirectory(results);
        SyntheticDebianRoot.Write(root);
        await MiniAsync(root, work, results, cancellationToken);
        if (dataStream is null)
        {
            return;
        }

        await XccdfAsync(root, work,
            ["--profile", StandardProfile, "--results-arf", Path.Combine(results, "arf-standard.xml"), "--results", Path.Combine(results, "xccdf-standard.xml"), dataStream],
            cancellationToken);

        var local = Path.Combine(work, "local");
        Directory.CreateDirectory(local);
        await Bzip2Async(FixtureFiles.CveOvalContent, Path.Combine(local, FeedFileName), cancellationToken);
        await XccdfAsync(root, work,
            ["--profile", "(all)", "--local-files", local, "--results-arf", Path.Combine(results, "arf-all.xml"), dataStream],
            cancellationToken);
    }

    private static async Task MiniAsync(string root, string work, string results, CancellationToken cancellationToken)
    {
        // oscap resolves the benchmark's href relative to the benchmark file, so both sit in one directory.
        var content = Path.Combine(work, "content");
        Directory.CreateDirectory(content);
        File.Copy(FixtureFiles.CveOvalContent, Path.Combine(content, "debian12-cve-oval.xml"), overwrite: true);
        File.Copy(FixtureFiles.MiniBenchmarkContent, Path.Combine(content, "mini-benchmark-xccdf.xml"), overwrite: true);
        await XccdfAsync(root, work,
            ["--profile", "mini", "--results-arf", Path.Combine(results, "mini-arf.xml"), "--results", Path.Combine(results, "mini-xccdf.xml"), Path.Combine(content, "mini-benchmark-xccdf.xml")],
            cancellationToken);
        var oval = await Oscap.RunAsync(root, work, ["oval", "eval", "--results", Path.Combine(results, "oval-results.xml"), Path.Combine(content, "debian12-cve-oval.xml")], cancellationToken);
        Assert.That(oval.ExitCode, Is.Zero, oval.StandardError);
    }

    private static async Task XccdfAsync(string root, string work, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await Oscap.RunAsync(root, work, ["xccdf", "eval", .. arguments], cancellationToken);

        // 2 = evaluated with failures (normal); 0 = all passed; anything else is a scanner error.
        Assert.That(result.ExitCode, Is.AnyOf(0, 2), result.StandardError);
    }

    private static async Task Bzip2Async(string input, string output, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("bzip2") { RedirectStandardOutput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(input);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("bzip2 did not start");
        await using (var file = File.Create(output))
        {
            await process.StandardOutput.BaseStream.CopyToAsync(file, cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken);
        Assert.That(process.ExitCode, Is.Zero, "bzip2");
    }
}
