using ManageIQ.OpenScap.Scap.Tests.Support;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Scap.Tests.RealScans;

/// <summary>
/// Runs the real oscap once for every fixture in this namespace, on a synthetic Debian 12 root: the Debian 12 SSG
/// data stream with the standard profile and with (all) plus the hand-written CVE definitions as its Debian feed
/// (so SSG's multi-check security_patches_up_to_date gives one rule-result per definition), the CVE definitions
/// through oval eval, and the mini benchmark the committed fixtures came from.
/// </summary>
[SetUpFixture]
public sealed class RealScanResults
{
    private static TempDirectory? s_work;

    public static string StandardArf => Result("arf-standard.xml");

    public static string StandardXccdf => Result("xccdf-standard.xml");

    public static string AllWithFeedArf => Result("arf-all.xml");

    public static string CveOvalResults => Result("oval-results.xml");

    public static string MiniArf => Result("mini-arf.xml");

    public static string MiniXccdf => Result("mini-xccdf.xml");

    [OneTimeSetUp]
    public async Task RunScansAsync()
    {
        // Three SSG-sized oscap runs take 5-15 s here; the bound only stops a hung scanner.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        s_work = new TempDirectory("miq-openscap-scap-tests-");
        var dataStream = ScapContent.Debian12DataStream;
        await FixtureScans.RunAllAsync(s_work.Path, dataStream, timeout.Token);
    }

    [OneTimeTearDown]
    public void RemoveResults() => s_work?.Dispose();

    private static string Result(string name) =>
        Path.Combine(s_work?.Path ?? throw new InvalidOperationException("the real scans did not run"), "results", name);
}
