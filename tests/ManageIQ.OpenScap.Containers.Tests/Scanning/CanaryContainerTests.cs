using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Containers.Tests.Scanning;

/// <summary>
/// The canary image of the link-confinement issue, scanned by the inspector image under the pod's security
/// context. The canary's host directory is mounted read-only at its own path inside the container, so a link
/// that escaped the unpacked root would reach it there: its text must appear in no output and no log.
/// </summary>
[CancelAfter(300_000)]
public sealed class CanaryContainerTests
{
    private static readonly string[] Outputs = ["results-arf.xml", "summary.json", "metadata.json"];
    private CanaryImage _canary = null!;

    [OneTimeSetUp]
    public async Task PushCanaryAsync()
    {
        _canary = CanaryImage.Create(ScapContent.Debian12DataStream);
        await ScannedImages.Registry.PushAsync("test/canary", "12", _canary.Image);
    }

    [OneTimeTearDown]
    public void RemoveCanary() => _canary.Dispose();

    [Test]
    public async Task OneShot_CanaryImage_NoOutputHoldsTheCanary(CancellationToken cancellationToken)
    {
        using var results = new TempDirectory("miq-canary-");

        var run = await InspectorContainer.RunOneShotAsync(ScannedImages.Registry.Host + "/test/canary:12", results.Path, cancellationToken,
            $"--mount=type=bind,source={_canary.HostDirectory},destination={_canary.HostDirectory},ro=true");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings).Or.EqualTo(ExitCodes.Passed), run.Text);
        CanaryImage.AssertEvaluated(File.ReadAllText(results.Combine("summary.json")));
        _canary.AssertNotIn(results.Path, Outputs, ("standard output", run.Output), ("standard error", run.Error));
    }
}
