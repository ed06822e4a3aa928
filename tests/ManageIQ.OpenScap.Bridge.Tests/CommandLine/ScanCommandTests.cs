using System.CommandLine;
using ManageIQ.OpenScap.Bridge.CommandLine;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Bridge.Tests.CommandLine;

/// <summary><c>scan IMAGE-REF</c> against a real registry on loopback and the real oscap.</summary>
[CancelAfter(180_000)]
public class ScanCommandTests
{
    [Test]
    public async Task Scan_ImageInRegistry_PrintsSummaryWritesArfAndHtmlAndShowsProgress(CancellationToken cancellationToken)
    {
        using var directory = new TempDirectory();
        await using var registry = await LoopbackRegistry.StartAsync(cancellationToken: cancellationToken);
        var root = directory.Combine("root");
        SyntheticDebianRoot.Write(root);
        await registry.PushAsync("test/debian", "12", new TestImage().Layer(TestLayer.FromDirectory(root)).Build(), cancellationToken);
        var results = directory.Combine("results");

        var run = await InvokeAsync(
            ["scan", registry.Host + "/test/debian:12", "--insecure-registry", registry.Host, "--output-dir", results, "--work-dir", directory.Combine("work"), "--cve-feed-policy", "disabled"],
            cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error + run.Output);
        Assert.That(run.Error, Does.Contain("Pulling layer 1/1").And.Contain("MB").And.Contain("Unpacking layer 1/1").And.Contain("Evaluating ssg-debian12-ds.xml"));
        Assert.That(run.Output, Does.Contain("Rule results").And.Contain("ARF:          " + Path.Combine(results, "results-arf.xml")).And.Contain("HTML report:"));
        Assert.That(File.Exists(Path.Combine(results, "results-arf.xml")), Is.True);
        Assert.That(File.Exists(Path.Combine(results, "results.html")), Is.True);
    }

    [Test]
    public async Task Scan_MalformedReference_ExitsOne(CancellationToken cancellationToken)
    {
        var run = await InvokeAsync(["scan", "Not A Reference"], cancellationToken);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("Error: "));
    }

    [Test]
    public async Task Scan_UnknownImage_ExitsThreeWithTheReason(CancellationToken cancellationToken)
    {
        using var directory = new TempDirectory();
        await using var registry = await LoopbackRegistry.StartAsync(cancellationToken: cancellationToken);
        var run = await InvokeAsync(["scan", registry.Host + "/test/absent:1", "--insecure-registry", registry.Host, "--output-dir", directory.Combine("r")], cancellationToken);
        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Output, Does.StartWith("Image acquisition failed: ").And.Contain("test/absent"));
    }

    private static async Task<Run> InvokeAsync(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BridgeCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        return new Run(exitCode, output.ToString(), error.ToString());
    }

    private sealed record Run(int ExitCode, string Output, string Error);
}
