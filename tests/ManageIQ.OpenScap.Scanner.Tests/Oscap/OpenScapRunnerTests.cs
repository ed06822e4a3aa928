using System.Diagnostics;
using ManageIQ.OpenScap.Scanner.Oscap;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Scanner.Tests.Oscap;

/// <summary>The runner against the real oscap (one SSG scan shared by the fixture) and a scripted one for failures.</summary>
[CancelAfter(120_000)]
public class OpenScapRunnerTests
{
    private const string Target = "127.0.0.1:5000/test/synthetic:12";
    private TempDirectory directory = null!;
    private ServiceProvider services = null!;
    private IOpenScapRunner runner = null!;
    private OscapEvaluationResult result = null!;
    private string root = null!;

    [OneTimeSetUp]
    public async Task ScanSyntheticRootAsync()
    {
        directory = new TempDirectory();
        root = directory.Combine("rootfs");
        SyntheticDebianRoot.Write(root);
        services = ScannerServices.Build(directory);
        runner = services.GetRequiredService<IOpenScapRunner>();
        result = await runner.EvaluateAsync(Evaluation(directory, root, "standard"), CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task CleanUpAsync()
    {
        await services.DisposeAsync();
        directory.Dispose();
    }

    [Test]
    public void EvaluateAsync_SyntheticDebianRoot_CompletesWithFailedRules()
    {
        Assert.That(result.ExitCode, Is.EqualTo(2), "the synthetic root fails some standard rules");
        Assert.That(result.HasFailures, Is.True);
    }

    [Test]
    public void EvaluateAsync_SyntheticDebianRoot_WritesArfNamingTheTarget()
    {
        var arf = File.ReadAllText(result.ResultPath);
        Assert.That(arf, Does.Contain("asset-report-collection"));
        Assert.That(arf, Does.Contain(Target), "OSCAP_EVALUATION_TARGET lands in the target facts");
    }

    [Test]
    public void EvaluateAsync_SyntheticDebianRoot_MarksRootAsContainerAndWritesNothingElse()
    {
        Assert.That(File.Exists(Path.Combine(root, "run", ".containerenv")), Is.True);
        // The APT_CONFIG work-around keeps libapt-pkg from leaving cache files in the target's root.
        Assert.That(Directory.GetFiles(root, ".*"), Is.Empty);
    }

    [Test]
    public async Task GetVersionAsync_InstalledOscap_ReturnsItsVersion()
    {
        var version = await runner.GetVersionAsync(CancellationToken.None);
        Assert.That(version.Major, Is.EqualTo(1));
    }

    [Test]
    public async Task GenerateHtmlReportAsync_Arf_WritesHtml()
    {
        var html = directory.Combine("report.html");
        await runner.GenerateHtmlReportAsync(result.ResultPath, html, CancellationToken.None);
        Assert.That(File.ReadAllText(html), Does.Contain("<html").IgnoreCase);
    }

    [Test]
    public async Task EvaluateAsync_UnknownProfile_ThrowsWithOscapErrorLine()
    {
        using var scratch = new TempDirectory();
        var evaluation = Evaluation(scratch, root, "no_such_profile");
        var error = Assert.ThrowsAsync<OpenScapException>(() => runner.EvaluateAsync(evaluation, CancellationToken.None));
        Assert.That(error!.ExitCode, Is.EqualTo(1));
        Assert.That(error.Message, Does.Contain("No profile matching suffix \"no_such_profile\" was found").And.Not.Contain("WARNING"));
        await Task.CompletedTask;
    }

    [Test]
    public async Task EvaluateAsync_DpkginfoFailure_ThrowsEvenThoughExitCodeIsTwo()
    {
        using var scratch = new TempDirectory();
        var fake = FakeOscap.Write(scratch, "echo 'E: oscap: dpkginfo_init has failed.' >&2; echo '<x/>' > \"$arf\"; exit 2");
        await using var fakeServices = ScannerServices.Build(scratch, fake);
        var fakeRunner = fakeServices.GetRequiredService<IOpenScapRunner>();
        var error = Assert.ThrowsAsync<OpenScapException>(() => fakeRunner.EvaluateAsync(Evaluation(scratch, root, "standard"), CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("dpkginfo"));
    }

    [Test]
    public async Task EvaluateAsync_ErrorExitCode_CarriesStandardErrorELines()
    {
        using var scratch = new TempDirectory();
        var fake = FakeOscap.Write(scratch, "echo 'W: noise' >&2; echo 'E: oscap: probe crashed' >&2; exit 1");
        await using var fakeServices = ScannerServices.Build(scratch, fake);
        var fakeRunner = fakeServices.GetRequiredService<IOpenScapRunner>();
        var error = Assert.ThrowsAsync<OpenScapException>(() => fakeRunner.EvaluateAsync(Evaluation(scratch, root, "standard"), CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("status 1").And.Contain("E: oscap: probe crashed").And.Not.Contain("noise"));
        Assert.That(error.ErrorLines, Is.EqualTo(new[] { "E: oscap: probe crashed" }));
    }

    [Test]
    public async Task EvaluateAsync_OverTimeLimit_KillsTheProcessTree()
    {
        using var scratch = new TempDirectory();
        var childPidFile = scratch.Combine("child.pid");
        var fake = FakeOscap.Write(scratch, $"sleep 300 & echo $! > '{childPidFile}'; wait");
        await using var fakeServices = ScannerServices.Build(scratch, fake, TimeSpan.FromSeconds(2));
        var fakeRunner = fakeServices.GetRequiredService<IOpenScapRunner>();
        var clock = Stopwatch.StartNew();
        var error = Assert.ThrowsAsync<OpenScapException>(() => fakeRunner.EvaluateAsync(Evaluation(scratch, root, "standard"), CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("did not finish within"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
        var childPid = int.Parse(File.ReadAllText(childPidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(() => Directory.Exists($"/proc/{childPid}") && !File.ReadAllText($"/proc/{childPid}/stat").Contains(") Z ", StringComparison.Ordinal),
            Is.False.After(5000, 100), "the grandchild sleep was killed with the tree");
    }

    [Test]
    public void EvaluateAsync_MissingRoot_Throws()
    {
        using var scratch = new TempDirectory();
        var evaluation = Evaluation(scratch, scratch.Combine("absent"), "standard");
        Assert.That(() => runner.EvaluateAsync(evaluation, CancellationToken.None), Throws.TypeOf<OpenScapException>().With.Message.Contains("does not exist"));
    }

    private static XccdfEvaluation Evaluation(TempDirectory directory, string root, string profile) => new()
    {
        ProbeRoot = root,
        Target = Target,
        DataStreamPath = ScapContent.Debian12DataStream,
        Profile = profile,
        ArfPath = directory.Combine("arf.xml"),
        WorkDirectory = directory.Combine("work"),
    };
}
