using System.Net;
using ManageIQ.OpenScap.Inspector.CommandLine;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Inspector.Tests.EndToEnd;

/// <summary>
/// A hostile image whose links lead to a canary on this host, scanned by the inspector as the pod
/// runs it (its own process, unprivileged when the tests run as root), one-shot and in serve mode:
/// the canary text must appear in no output and no log.
/// </summary>
[CancelAfter(300_000)]
public class CanaryTests
{
    private const string Token = "canary-test-token";
    private const string Inspector = "ManageIQ.OpenScap.Inspector.dll";
    private static readonly string[] Outputs = ["results-arf.xml", "results.html", "summary.json", "metadata.json"];
    private CanaryImage _canary = null!;

    [OneTimeSetUp]
    public void BuildCanaryImage() => _canary = CanaryImage.Create(ScapContent.Debian12DataStream);

    [OneTimeTearDown]
    public void RemoveCanary() => _canary.Dispose();

    // Unprivileged as in the pod where oscap allows it: under anssi_bp28_high and (all), oscap 1.3.7
    // aborts (status 134) without the chroot its rpminfo probe wants, whatever the image.
    [TestCase("standard", true)]
    [TestCase("anssi_bp28_high", false)]
    [TestCase("(all)", false)]
    public async Task OneShot_CanaryImage_NoOutputHoldsTheCanary(string profile, bool unprivileged, CancellationToken cancellationToken)
    {
        var run = RunDirectory(profile);
        await using var inspector = await ChildProcess.RunAsync(Inspector,
            [.. Arguments(run, profile), "--scan-results-dir", Path.Combine(run, "results")], unprivileged, cancellationToken);

        Assert.That(inspector.ExitCode, Is.EqualTo(InspectorExitCodes.Findings).Or.EqualTo(InspectorExitCodes.Passed), inspector.Output + inspector.Error);
        CanaryImage.AssertEvaluated(File.ReadAllText(Path.Combine(run, "results", "summary.json")));
        _canary.AssertNotIn(Path.Combine(run, "results"), Outputs, ("standard output", inspector.Output), ("standard error", inspector.Error));
        _canary.AssertConfined(Path.Combine(run, "work", "image", "rootfs"));
    }

    [TestCase("standard")]
    [TestCase("anssi_bp28_high")]
    [TestCase("(all)")]
    public async Task Serve_CanaryImage_NoAnswerOrOutputHoldsTheCanary(string profile, CancellationToken cancellationToken)
    {
        var run = RunDirectory(profile);
        var environment = new Dictionary<string, string>
        {
            ["INSPECTOR_AUTH_TOKEN"] = Token,
            ["MIQ_INSPECTOR_Logging__LogLevel__Default"] = "Debug",
        };
        await using var inspector = ChildProcess.Start(Inspector,
            [.. Arguments(run, profile), "--scan-results-dir", Path.Combine(run, "results"), "--serve", "127.0.0.1:0"], unprivileged: false, environment);
        Assert.That(await inspector.WaitForErrorAsync("Serving on ", cancellationToken), Is.True, inspector.Error);
        using var client = new HttpClient { BaseAddress = ListeningAddress(inspector.Error), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Auth-Token", Token);
        await WaitUntilReadyAsync(client, cancellationToken);

        var answers = new List<(string, string)>();
        foreach (var endpoint in new[] { "api/v1/metadata", "api/v1/openscap", "api/v1/openscap-report", "api/v1/summary" })
        {
            using var response = await client.GetAsync(endpoint, cancellationToken);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), endpoint);
            answers.Add((endpoint, await response.Content.ReadAsStringAsync(cancellationToken)));
        }

        await inspector.StopAsync(cancellationToken);
        CanaryImage.AssertEvaluated(answers[3].Item2);
        _canary.AssertNotIn(Path.Combine(run, "results"), Outputs.Where(o => o != "metadata.json"),
            [.. answers, ("standard output", inspector.Output), ("standard error", inspector.Error)]);
        _canary.AssertConfined(Path.Combine(run, "work", "image", "rootfs"));
    }

    private string RunDirectory(string profile)
    {
        var run = _canary.RunDirectory(TestContext.CurrentContext.Test.MethodName + "-" + profile.Trim('(', ')'));
        ChildProcess.GiveToNobody(_canary.ScratchDirectory);
        return run;
    }

    private string[] Arguments(string run, string profile) =>
    [
        "--image", _canary.Reference, "--scan-type", "openscap", "--ssg-profile", profile, "--openscap-html-report",
        "--work-dir", Path.Combine(run, "work"), "--cve-feed-policy", "disabled",
    ];

    private static Uri ListeningAddress(string error)
    {
        var line = error.Split('\n').First(l => l.StartsWith("Serving on ", StringComparison.Ordinal));
        return new Uri(line["Serving on ".Length..].Trim());
    }

    private static async Task WaitUntilReadyAsync(HttpClient client, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var ready = await client.GetAsync("readyz", cancellationToken);
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            await Task.Delay(200, cancellationToken);
        }
    }
}
