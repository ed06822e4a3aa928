using System.CommandLine;
using ManageIQ.OpenScap.Bridge.CommandLine;
using ManageIQ.OpenScap.Contracts.Scanning;
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

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.Error + run.Output);
        Assert.That(run.Error, Does.Contain("Pulling layer 1/1").And.Contain("MB").And.Contain("Unpacking layer 1/1").And.Contain("Evaluating ssg-debian12-ds.xml"));
        Assert.That(run.Output, Does.Contain("Rule results").And.Contain("ARF:          " + Path.Combine(results, "results-arf.xml")).And.Contain("HTML report:"));
        Assert.That(File.Exists(Path.Combine(results, "results-arf.xml")), Is.True);
        Assert.That(File.Exists(Path.Combine(results, "results.html")), Is.True);
    }

    [Test]
    public async Task Scan_MalformedReference_ExitsOne(CancellationToken cancellationToken)
    {
        var run = await InvokeAsync(["scan", "Not A Reference"], cancellationToken);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidArguments));
        Assert.That(run.Error, Does.StartWith("Error: "));
    }

    [Test]
    public async Task Scan_UnknownImage_ExitsThreeWithTheReason(CancellationToken cancellationToken)
    {
        using var directory = new TempDirectory();
        await using var registry = await LoopbackRegistry.StartAsync(cancellationToken: cancellationToken);
        var run = await InvokeAsync(["scan", registry.Host + "/test/absent:1", "--insecure-registry", registry.Host, "--output-dir", directory.Combine("r")], cancellationToken);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ImageAcquireError));
        Assert.That(run.Output, Does.StartWith("Image acquisition failed: ").And.Contain("test/absent"));
    }

    [Test]
    public async Task Scan_InspectorFlagNamesAndConfigFile_RegistryFromConfigurationAndNoHtml(CancellationToken cancellationToken)
    {
        using var directory = new TempDirectory();
        await using var registry = await LoopbackRegistry.StartAsync(cancellationToken: cancellationToken);
        var root = directory.Combine("root");
        SyntheticDebianRoot.Write(root);
        var image = new TestImage().Layer(TestLayer.FromDirectory(root)).Build();
        await registry.PushAsync("test/debian", "12", image, cancellationToken);
        var config = directory.Combine("appsettings.json");
        File.WriteAllText(config, $$"""{ "ImageAcquisition": { "InsecureRegistries": [ "{{registry.Host}}" ] }, "CveFeeds": { "Policy": "Disabled", "CacheDirectory": "{{directory.Combine("cache")}}" } }""");
        var results = directory.Combine("results");

        var run = await InvokeAsync(
            ["scan", "--image", registry.Host + "/test/debian:12", "--digest", image.ManifestDigest, "--scan-results-dir", results, "--no-html", "--config", config],
            cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.Error + run.Output);
        Assert.That(run.Output, Does.Contain("Fingerprint:  ds=ssg-debian12-ds.xml;"));
        Assert.That(File.Exists(Path.Combine(results, "results-arf.xml")), Is.True);
        Assert.That(File.Exists(Path.Combine(results, "results.html")), Is.False, "--no-html");
    }

    [TestCase("{ \"OpenScap\": { \"Timeout\": \"soon\" } }", "OpenScap:Timeout")]
    [TestCase("{ \"Bridge\": { \"Backend\": \"docker\" } }", "Bridge:Backend")]
    [TestCase("{ \"CveFeeds\": { \"DownloadTimeout\": \"00:00:00\" } }", "CveFeeds")]
    public async Task Scan_InvalidConfigurationKey_ExitsOneWithOneLineNamingIt(string json, string key, CancellationToken cancellationToken)
    {
        using var directory = new TempDirectory();
        var config = directory.Combine("appsettings.json");
        File.WriteAllText(config, json);

        var run = await InvokeAsync(["scan", "127.0.0.1:1/test/debian:12", "--config", config, "--output-dir", directory.Combine("r")], cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidArguments));
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.Error);
        Assert.That(lines[0], Does.StartWith("Error: ").And.Contain(key));
    }

    [TestCase("{ \"Bridge\": { \"Backend\": \"kubernetes\" } }", new string[0])]
    [TestCase("{ \"Kubernetes\": { \"Clusters\": [] } }", new[] { "--backend", "kubernetes" })]
    public async Task Scan_KubernetesBackendWithNoCluster_ExitsOneNamingTheKeys(string json, string[] flags, CancellationToken cancellationToken)
    {
        using var directory = new TempDirectory();
        var config = directory.Combine("appsettings.json");
        File.WriteAllText(config, json);

        var run = await InvokeAsync(["scan", "127.0.0.1:1/test/debian:12", "--config", config, "--output-dir", directory.Combine("r"), .. flags], cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidArguments), run.Error + run.Output);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.Error);
        Assert.That(lines[0], Does.StartWith("Error: ").And.Contain("Bridge:Backend (or scan --backend) chooses the kubernetes backend, but Kubernetes:Clusters is empty"));
    }

    [Test]
    [NonParallelizable]
    public async Task Scan_ConfigNamedByTheEnvironment_IsRead(CancellationToken cancellationToken)
    {
        using var directory = new TempDirectory();
        var config = directory.Combine("bridge.json");
        File.WriteAllText(config, "{ \"Bridge\": { \"Backend\": \"nowhere\" } }");
        Environment.SetEnvironmentVariable("MANAGEIQ_OPENSCAP_CONFIG", config);
        try
        {
            var run = await InvokeAsync(["scan", "127.0.0.1:1/test/debian:12", "--output-dir", directory.Combine("r")], cancellationToken);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidArguments));
            Assert.That(run.Error, Does.Contain("Bridge:Backend is 'nowhere'"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("MANAGEIQ_OPENSCAP_CONFIG", null);
        }
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
