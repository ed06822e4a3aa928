using System.Diagnostics;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Scanner.Scanning;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Scanner.Tests.Scanning;

/// <summary>
/// A distribution with a CVE feed but no data stream (Debian 13: no packaged SSG content) is scanned with the feed
/// alone, by the real oscap, the default map's feed URL served from a local mirror directory.
/// </summary>
[CancelAfter(120_000)]
public class FeedOnlyScanTests
{
    private const string Image = "127.0.0.1:5000/test/trixie:13";

    [Test]
    public async Task ScanAsync_Debian13_EvaluatesTheMirroredTrixieFeedAlone()
    {
        using var directory = new TempDirectory();
        var root = TrixieRoot(directory);
        var mirror = Directory.CreateDirectory(directory.Combine("mirror")).FullName;
        Bzip2(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "cve-feed-bookworm.xml"), Path.Combine(mirror, "oval-definitions-trixie.xml.bz2"));

        var result = await ScanAsync(directory, root, CveFeedPolicy.Required, o => o.Mirrors = [new CveFeedMirror { From = "https://www.debian.org/security/oval/", To = mirror + "/" }]);

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Completed), result.ErrorMessage);
        Assert.That(result.Content!.DataStream, Is.EqualTo("none"));
        Assert.That(result.Content.CveFeedMode, Is.EqualTo("oval-eval"));
        Assert.That(result.Artifacts.Arf, Is.Null);
        Assert.That(result.Summary!.Cves.Select(c => c.Id), Is.EqualTo(new[] { "CVE-2024-5535" }));
        Assert.That(result.CveFeedDefinitions, Is.EqualTo(new CveFeedDefinitions(2, 2)), "the oval-eval feed is slimmed too; both definitions name installed packages");
    }

    [Test]
    public async Task ScanAsync_FeedOnlyWithFeedsDisabled_IsNoContentNeverCompliant()
    {
        using var directory = new TempDirectory();
        var root = TrixieRoot(directory);

        var result = await ScanAsync(directory, root, CveFeedPolicy.Disabled, null);

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Failed));
        Assert.That(result.ErrorKind, Is.EqualTo(ScanErrorKind.NoContent));
        Assert.That(result.ErrorMessage, Does.StartWith("no SCAP content for debian 13: no data stream is installed, and its CVE feed was not evaluated"));
    }

    private static string TrixieRoot(TempDirectory directory)
    {
        var root = directory.Combine("rootfs");
        SyntheticDebianRoot.Write(root, debianVersion: "13.1");
        const string osRelease = "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"13\"\nVERSION_CODENAME=trixie\nID=debian\n";
        File.WriteAllText(Path.Combine(root, "etc/os-release"), osRelease);
        File.WriteAllText(Path.Combine(root, "usr/lib/os-release"), osRelease);
        return root;
    }

    private static async Task<ScanReport> ScanAsync(TempDirectory directory, string root, CveFeedPolicy policy, Action<CveFeedOptions>? feeds)
    {
        await using var services = ScannerServices.Build(directory, acquirer: RootScan.Acquirer(Image, root, 'c'), policy: policy, feeds: feeds);
        return await services.GetRequiredService<IImageScanner>().ScanAsync(RootScan.Request(Image, directory, htmlReport: true), null, CancellationToken.None);
    }

    private static void Bzip2(string source, string target)
    {
        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", "bzip2 -c \"$1\" > \"$2\"", "sh", source, target])) ?? throw new InvalidOperationException("sh did not start");
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, "bzip2 failed");
    }
}
