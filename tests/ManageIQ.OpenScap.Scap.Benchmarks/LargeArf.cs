using System.Diagnostics;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Scap.Benchmarks;

/// <summary>Produces a large real ARF: the synthetic feed, bzip2'd, fed with --local-files to the Debian 12 SSG data stream.</summary>
internal static class LargeArf
{
    public const string FeedFileName = "security-oval-oval-definitions-bookworm.xml.bz2";

    public static async Task GenerateAsync(string output, int definitions, CancellationToken cancellationToken)
    {
        using var work = new TempDirectory("miq-openscap-bench-");
        var root = work.Combine("rootfs");
        SyntheticDebianRoot.Write(root);
        var local = work.Combine("local");
        Directory.CreateDirectory(local);
        var feed = work.Combine("feed.xml");
        SyntheticCveFeed.Write(feed, definitions, SyntheticDebianRoot.DefaultPackages);
        await Bzip2Async(feed, Path.Combine(local, FeedFileName), cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var result = await Oscap.RunAsync(root, work.Path,
        [
            "xccdf", "eval", "--profile", "xccdf_org.ssgproject.content_profile_anssi_bp28_minimal",
            "--local-files", local, "--results-arf", output, ScapContent.Debian12DataStream,
        ], cancellationToken);
        if (result.ExitCode is not (0 or 2))
        {
            throw new InvalidOperationException($"oscap exited {result.ExitCode}: {result.StandardError}");
        }
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
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bzip2 exited {process.ExitCode}");
        }
    }
}
