using System.Net;
using ManageIQ.OpenScap.Containers.Tests.Support;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scap;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Containers.Tests.Scanning;

/// <summary>
/// The inspector image under the scanning pod's security context scans the real Debian 12 minbase from the
/// loopback registry, one-shot and serving, and finds what the host's scan finds, rule by rule.
/// </summary>
[CancelAfter(600_000)]
public sealed class InspectorContainerTests
{
    /// <summary>
    /// Rules whose result differs between the host (bookworm's oscap 1.3.7) and the image (trixie's oscap 1.4.2)
    /// with the same SSG Debian 12 data stream and the default profile (standard), with the reason: none.
    /// Under (all), accounts_password_set_max_life_root differs (1.4.2's shadow probe works offline), see
    /// docs/containers.md; the inspector scans the standard profile unless told otherwise.
    /// </summary>
    private static readonly Dictionary<string, string> DifferByOscapVersion = new(StringComparer.Ordinal);

    [Test]
    public async Task OneShot_DebianMinbase_EqualsTheHostScanRuleByRule(CancellationToken cancellationToken)
    {
        using var results = new TempDirectory("miq-oneshot-");

        var run = await InspectorContainer.RunOneShotAsync(ScannedImages.Debian, results.Path, cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ScannedImages.HostExitCode), run.Text);
        Assert.That(run.Output, Does.Contain("OpenSCAP: Success"));
        AssertSameAsHost(File.ReadAllText(results.Combine("results-arf.xml")), File.ReadAllText(results.Combine("summary.json")));
    }

    [Test]
    public async Task Serve_DebianMinbase_BecomesReadyServesTheHostResultsAndStopsCleanly(CancellationToken cancellationToken)
    {
        var (name, port) = await InspectorContainer.StartServingAsync(ScannedImages.Debian, cancellationToken);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            await Readiness.WaitAsync(client, cancellationToken);
            var metadata = await GetAsync(client, InspectorPaths.Metadata, cancellationToken);
            var arf = await GetAsync(client, InspectorPaths.Arf, cancellationToken);
            var summary = await GetAsync(client, InspectorPaths.Summary, cancellationToken);

            Assert.That(metadata, Does.Contain("\"Success\""));
            AssertSameAsHost(arf, summary);
            await Podman.CheckAsync(["stop", "--time=20", name], cancellationToken);
            var exit = await Podman.CheckAsync(["inspect", "--format={{.State.ExitCode}}", name], cancellationToken);
            Assert.That(exit.Trim(), Is.EqualTo("0"), await Podman.CheckAsync(["logs", name], cancellationToken));
        }
        finally
        {
            await Podman.RunAsync(["rm", "--force", name], CancellationToken.None);
        }
    }

    [TestCase("pax-record")]
    [TestCase("pax-uid")]
    [TestCase("layer-sizes")]
    public async Task OneShot_HostileImage_IsRefusedAsOnTheHost(string name, CancellationToken cancellationToken)
    {
        using var host = new TempDirectory("miq-hostile-host-");
        using var results = new TempDirectory("miq-hostile-");

        var onHost = await HostInspector.RunAsync(ScannedImages.Hostile(name), host, cancellationToken);
        var inContainer = await InspectorContainer.RunOneShotAsync(ScannedImages.Hostile(name), results.Path, cancellationToken);

        Assert.That(onHost.ExitCode, Is.EqualTo(ExitCodes.ImageAcquireError), onHost.Output + onHost.Error);
        Assert.That(inContainer.ExitCode, Is.EqualTo(onHost.ExitCode), inContainer.Text);
        Assert.That(FirstLine(inContainer.Output), Is.EqualTo(FirstLine(onHost.Output)).And.StartWith("ImageAcquireError: "));
        Assert.That(inContainer.Text, Does.Not.Contain("Unhandled exception"));
    }

    private static void AssertSameAsHost(string arf, string summaryJson)
    {
        var host = ArfRuleResults.Read(File.ReadAllText(Path.Combine(ScannedImages.HostResults, "results-arf.xml")));
        var container = ArfRuleResults.Read(arf);
        Assert.That(host, Has.Count.GreaterThan(500), "the host ARF holds every rule of the data stream");
        Assert.That(ArfRuleResults.Differences(host, container), Is.EquivalentTo(DifferByOscapVersion));

        var hostSummary = ScapSummaryJson.Deserialize(File.ReadAllText(Path.Combine(ScannedImages.HostResults, "summary.json")));
        var summary = ScapSummaryJson.Deserialize(summaryJson);
        Assert.That(summary.Results, Is.EquivalentTo(hostSummary.Results));
        Assert.That(summary.Results.GetValueOrDefault("pass"), Is.Positive);
        Assert.That(summary.FailedRules.Select(r => r.Id), Is.EquivalentTo(hostSummary.FailedRules.Select(r => r.Id)));
        Assert.That(summary.FailedBySeverity, Is.EqualTo(hostSummary.FailedBySeverity));
    }

    private static async Task<string> GetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path + ": " + body);
        return body;
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
