using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Bridge.Tests.CommandLine;

/// <summary>
/// The bridge's local scanner (<c>scan</c>, its own process so its logs are captured) on an image
/// whose links lead to a canary on the bridge's host: the canary text appears in no output and no log.
/// </summary>
[CancelAfter(300_000)]
public class ScanCanaryTests
{
    private static readonly string[] Outputs = ["results-arf.xml", "results.html", "summary.json"];
    private CanaryImage _canary = null!;

    [OneTimeSetUp]
    public void BuildCanaryImage() => _canary = CanaryImage.Create(ScapContent.Debian12DataStream);

    [OneTimeTearDown]
    public void RemoveCanary() => _canary.Dispose();

    [TestCase("standard")]
    [TestCase("anssi_bp28_high")]
    [TestCase("(all)")]
    public async Task Scan_CanaryImage_NoOutputHoldsTheCanary(string profile, CancellationToken cancellationToken)
    {
        var run = _canary.RunDirectory(profile.Trim('(', ')'));
        var results = Path.Combine(run, "results");
        await using var bridge = await ChildProcess.RunAsync("ManageIQ.OpenScap.Bridge.dll",
            ["scan", _canary.Reference, "--ssg-profile", profile, "--output-dir", results, "--work-dir", Path.Combine(run, "work"), "--cve-feed-policy", "disabled"],
            unprivileged: false, cancellationToken);

        Assert.That(bridge.ExitCode, Is.EqualTo(2).Or.EqualTo(0), bridge.Output + bridge.Error);
        CanaryImage.AssertEvaluated(File.ReadAllText(Path.Combine(results, "summary.json")));
        _canary.AssertNotIn(results, Outputs, ("standard output", bridge.Output), ("standard error", bridge.Error));
        _canary.AssertConfined(Path.Combine(run, "work", "image", "rootfs"));
    }
}
