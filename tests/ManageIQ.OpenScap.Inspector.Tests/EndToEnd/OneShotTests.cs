using System.CommandLine;
using System.Text.Json;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Inspector.CommandLine;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Inspector.Tests.EndToEnd;

/// <summary>The one-shot mode as a user runs it (the real command line), against the loopback registry.</summary>
[CancelAfter(180_000)]
public class OneShotTests
{
    [Test]
    public async Task Run_DebianImage_WritesResultsAndExitsWithFindings()
    {
        using var directory = new TempDirectory();
        var run = await RunAsync(directory, TestImages.Debian, "--openscap-html-report", "--cve-url=" + TestImages.GzipFeed);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.Error);
        var results = directory.Combine("results");
        Assert.That(Directory.GetFiles(results).Select(Path.GetFileName), Is.SupersetOf(new[] { "results-arf.xml", "results.html", "summary.json", "metadata.json" }));
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "metadata.json")));
        Assert.That(metadata.RootElement.GetProperty("OpenSCAP").GetProperty("Status").GetString(), Is.EqualTo("Success"));
        Assert.That(run.Output, Does.Contain("OpenSCAP: Success"));
        Assert.That(run.Error, Does.Contain("Pulling layer").And.Contain("Evaluating ssg-debian12-ds.xml"));
    }

    [Test]
    public async Task Run_UnknownImage_ExitsWithImageAcquireError()
    {
        using var directory = new TempDirectory();
        var run = await RunAsync(directory, TestImages.Registry.Host + "/test/absent:1");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ImageAcquireError), run.Error);
        Assert.That(run.Output, Does.StartWith("ImageAcquireError: ").And.Contain("test/absent"));
    }

    [Test]
    public async Task Run_NoContentForDistribution_ExitsWithNoContent()
    {
        using var directory = new TempDirectory();
        var run = await RunAsync(directory, TestImages.Alpine);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.NoContent), run.Error);
        Assert.That(run.Output, Does.Contain("OpenSCAP Error: no SCAP content for alpine 3.19.1"));
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory.Combine("results"), "metadata.json")));
        Assert.That(metadata.RootElement.GetProperty("OpenSCAP").GetProperty("ErrorMessage").GetString(), Is.EqualTo("no SCAP content for alpine 3.19.1"));
    }

    [Test]
    public async Task Run_OscapFails_ExitsWithOpenScapError()
    {
        using var directory = new TempDirectory();
        var run = await RunAsync(directory, TestImages.Debian, "--ssg-profile=no_such_profile", "--cve-feed-policy=disabled");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.OpenScapError), run.Error);
        Assert.That(run.Output, Does.Contain("OpenSCAP Error: oscap xccdf eval exited with status 1").And.Contain("no_such_profile"));
    }

    private static async Task<Run> RunAsync(TempDirectory directory, string image, params string[] extra)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args =
        [
            "--image=" + image, "--scan-type=openscap", "--work-dir=" + directory.Combine("work"), "--scan-results-dir=" + directory.Combine("results"),
            "--insecure-registry=" + TestImages.Registry.Host, .. extra,
        ];
        var code = await InspectorCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new Run(code, output.ToString(), error.ToString());
    }

    private sealed record Run(int ExitCode, string Output, string Error);
}
