using System.CommandLine;
using System.Text.RegularExpressions;
using ManageIQ.OpenScap.Bridge.CommandLine;

namespace ManageIQ.OpenScap.Bridge.Tests.CommandLine;

/// <summary>
/// <c>bridge demo</c> on this machine, as the README runs it: mmdebstrap from the machine's own archive, the sample
/// feed from its bookworm-security, the emulator, the service and oscap. Images and feed are kept in
/// <c>$MIQ_DEMO_TEST_DIR</c> (default /var/tmp/miq-openscap-demo-test) across test runs, so only the first run builds
/// them; the store is removed first, so the first invocation scans and the second reuses its results.
/// </summary>
[NonParallelizable]
[CancelAfter(1_800_000)]
public sealed partial class DemoCommandTests
{
    private static readonly string[] Kept = ["state", "runs.json", "bridge.log"];

    private static string WorkDirectory => Environment.GetEnvironmentVariable("MIQ_DEMO_TEST_DIR") ?? "/var/tmp/miq-openscap-demo-test";

    [Test]
    public async Task Demo_OnThisMachine_FindsARealDebianCve_ThenASecondRunSkipsTheUnchangedImages(CancellationToken cancellationToken)
    {
        foreach (var kept in Kept.Select(k => Path.Combine(WorkDirectory, k)))
        {
            if (Directory.Exists(kept))
            {
                Directory.Delete(kept, recursive: true);
            }
            else if (File.Exists(kept))
            {
                File.Delete(kept);
            }
        }

        var (code, first) = await DemoAsync(cancellationToken);

        Assert.That(code, Is.Zero, first);
        Assert.That(first, Does.Contain("2 queued for a scan"));
        Assert.That(first, Does.Match(@"demo/debian:12\s+non_compliant\s+failed rules .*; CVEs [1-9]\d* \(highest medium\)"), "the point release lacks bookworm-security's fixes");
        Assert.That(first, Does.Match(@"demo/debian-updated:12\s+\w+\s+failed rules .*; CVEs 0 \(highest none\)"), "the same with the updates");
        var cves = first.Split('\n').Single(l => l.StartsWith("  openscap_cves ", StringComparison.Ordinal));
        Assert.That(CveId().IsMatch(cves), Is.True, cves);

        var (again, second) = await DemoAsync(cancellationToken);

        Assert.That(again, Is.Zero, second);
        Assert.That(second, Does.Contain("0 queued for a scan, 2 unchanged since their last result (skipped)"));
        Assert.That(second, Does.Contain("0 of 2 images scanned by this run"));
        Assert.That(second.Split('\n').Single(l => l.StartsWith("  openscap_cves ", StringComparison.Ordinal)), Is.EqualTo(cves), "ManageIQ shows the same result");
    }

    private static async Task<(int Code, string Output)> DemoAsync(CancellationToken cancellationToken)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await BridgeCommandLine.Create().Parse(["demo", "--work-dir", WorkDirectory, "--plain"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        await TestContext.Out.WriteLineAsync(output.ToString() + error);
        return (code, output + error.ToString());
    }

    [GeneratedRegex(@"\bCVE-\d{4}-\d{4,}\b")]
    private static partial Regex CveId();
}
