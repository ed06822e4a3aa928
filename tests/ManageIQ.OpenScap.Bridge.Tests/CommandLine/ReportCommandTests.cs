using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Bridge.CommandLine;
using ManageIQ.OpenScap.Scap;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Bridge.Tests.CommandLine;

/// <summary><c>report summarize</c> on the Scap project's committed real oscap results and on hostile files.</summary>
[CancelAfter(60_000)]
public sealed class ReportCommandTests
{
    private static readonly string MiniArf = RepositoryRoot.Combine("tests", "ManageIQ.OpenScap.Scap.Tests", "Fixtures", "mini-arf.xml.gz");
    private static readonly string CveOvalResults = RepositoryRoot.Combine("tests", "ManageIQ.OpenScap.Scap.Tests", "Fixtures", "cve-oval-results.xml.gz");
    private const string ArfOpen = "<arf:asset-report-collection xmlns:arf=\"http://scap.nist.gov/schema/asset-reporting-format/1.1\">";
    private const string Xccdf = "http://checklists.nist.gov/xccdf/1.2";

    [Test]
    public async Task Summarize_JsonFormat_PrintsTheSummaryObject(CancellationToken cancellationToken)
    {
        var run = await InvokeAsync(["report", "summarize", MiniArf, "--format", "json"], cancellationToken);

        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero);
            Assert.That(run.Error, Is.Empty);
            Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("arf"));
            Assert.That(root.GetProperty("benchmark").GetProperty("id").GetString(), Is.EqualTo("xccdf_org.manageiq.openscap.test_benchmark_mini"));
            Assert.That(root.GetProperty("profile").GetProperty("id").GetString(), Is.EqualTo("xccdf_org.manageiq.openscap.test_profile_mini"));
            Assert.That(root.GetProperty("target").GetString(), Is.EqualTo("synthetic-debian12"));
            Assert.That(root.GetProperty("ruleResults").GetInt32(), Is.EqualTo(12));
            Assert.That(root.GetProperty("results").GetProperty("notselected").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("failedBySeverity").GetProperty("info").GetInt32(), Is.Zero);
            Assert.That(root.GetProperty("failedRules").GetArrayLength(), Is.EqualTo(7));
            Assert.That(root.GetProperty("cves").GetArrayLength(), Is.EqualTo(4));
            Assert.That(ScapSummaryJson.Deserialize(run.Output).FailedBySeverity, Is.EqualTo(new ScapSeverityCounts(2, 3, 1, 0, 1)));
        });
    }

    [Test]
    public async Task Summarize_DefaultTextFormat_PrintsReadableTable(CancellationToken cancellationToken)
    {
        var run = await InvokeAsync(["report", "summarize", CveOvalResults], cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero);
            Assert.That(run.Output, Does.Contain("Kind:         oval"));
            Assert.That(run.Output, Does.Contain("Failed by severity: high 1, medium 1, low 1, info 0, unknown 2"));
            Assert.That(run.Output, Does.Match(@"high\s+CVE-2023-5678"));
            Assert.That(run.Output, Does.Contain("OVAL definitions: 8"));
        });
    }

    [Test]
    public async Task Summarize_Dash_ReadsStandardInput(CancellationToken cancellationToken)
    {
        var command = new RootCommand { ReportCommand.Create(standardInput: () => File.OpenRead(MiniArf)) };

        var run = await InvokeAsync(command, ["report", "summarize", "-", "--format", "json"], cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(ScapSummaryJson.Deserialize(run.Output).Source, Is.EqualTo("-"));
        });
    }

    [Test]
    public async Task Summarize_UnrecognisedSeverity_CountsAsUnknownAndSucceeds(CancellationToken cancellationToken)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("severity.xml");
        await File.WriteAllTextAsync(path, $"<TestResult xmlns=\"{Xccdf}\" id=\"t\"><rule-result idref=\"r\" severity=\"apocalyptic\"><result>fail</result></rule-result></TestResult>", cancellationToken);

        var run = await InvokeAsync(["report", "summarize", path, "--format", "json"], cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero);
            Assert.That(ScapSummaryJson.Deserialize(run.Output).FailedBySeverity.Unknown, Is.EqualTo(1));
        });
    }

    private static IEnumerable<TestCaseData> HostileFiles()
    {
        yield return new TestCaseData("xxe.xml", Encoding.UTF8.GetBytes($"<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>{ArfOpen}&x;</arf:asset-report-collection>"), "DTD").SetName("Summarize_XxeLocalFile_ExitsTwo");
        yield return new TestCaseData("remote-dtd.xml", Encoding.UTF8.GetBytes($"<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/evil.dtd\">{ArfOpen}</arf:asset-report-collection>"), "DTD").SetName("Summarize_RemoteDtd_ExitsTwo");
        yield return new TestCaseData("laughs.xml", Encoding.UTF8.GetBytes("<!DOCTYPE l [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>"), "DTD").SetName("Summarize_BillionLaughs_ExitsTwo");
        yield return new TestCaseData("deep.xml", Encoding.UTF8.GetBytes(ArfOpen + string.Concat(Enumerable.Repeat("<x>", 5000)) + string.Concat(Enumerable.Repeat("</x>", 5000)) + "</arf:asset-report-collection>"), "deeper than").SetName("Summarize_DeepNesting_ExitsTwo");
        yield return new TestCaseData("truncated.xml", Encoding.UTF8.GetBytes($"<TestResult xmlns=\"{Xccdf}\" id=\"t\"><rule-result idref=\"r\"><result>pa"), "truncated.xml:1:").SetName("Summarize_Truncated_ExitsTwo");
        yield return new TestCaseData("empty.xml", Array.Empty<byte>(), "the input is empty").SetName("Summarize_Empty_ExitsTwo");
        yield return new TestCaseData("binary.bin", Enumerable.Range(0, 2048).Select(i => (byte)(i * 31 % 256)).ToArray(), "binary.bin").SetName("Summarize_Binary_ExitsTwo");
        yield return new TestCaseData("root.xml", Encoding.UTF8.GetBytes("<html><body/></html>"), "is not an ARF report collection").SetName("Summarize_WrongRootElement_ExitsTwo");
        yield return new TestCaseData("result.xml", Encoding.UTF8.GetBytes($"<TestResult xmlns=\"{Xccdf}\" id=\"t\">\n<rule-result idref=\"r\"><result>kaboom</result></rule-result></TestResult>"), "result.xml:2:").SetName("Summarize_UnknownResultValue_ExitsTwo");
    }

    [TestCaseSource(nameof(HostileFiles))]
    public async Task Summarize_HostileOrBrokenInput_ExitsTwoWithOneErrorLine(string name, byte[] content, string expected, CancellationToken cancellationToken)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine(name);
        await File.WriteAllBytesAsync(path, content, cancellationToken);

        var run = await InvokeAsync(["report", "summarize", path, "--format", "json"], cancellationToken);

        AssertRejected(run, expected);
    }

    [Test]
    public async Task Summarize_MissingFile_ExitsTwoNamingTheFile(CancellationToken cancellationToken)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("does-not-exist.xml");

        var run = await InvokeAsync(["report", "summarize", path], cancellationToken);

        AssertRejected(run, "does-not-exist.xml");
    }

    [Test]
    public async Task Summarize_RealProcessReadingStandardInput_PrintsJson(CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "ManageIQ.OpenScap.Bridge.dll"), "report", "summarize", "-", "--format", "json" })
        {
            psi.ArgumentList.Add(argument);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await using (var file = File.OpenRead(CveOvalResults))
        {
            await file.CopyToAsync(process.StandardInput.BaseStream, cancellationToken);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);

        await using var same = File.OpenRead(CveOvalResults);
        var expected = await new ScapResultReader().SummarizeAsync(same, "-", cancellationToken);
        Assert.Multiple(async () =>
        {
            Assert.That(process.ExitCode, Is.Zero, await stderr);
            Assert.That(ScapSummaryJson.Deserialize(await stdout).Kind, Is.EqualTo(ScapResultKind.Oval));

            // The console path writes the UTF-8 bytes itself: the same text and line end as the TextWriter path.
            Assert.That(await stdout, Is.EqualTo(ScapSummaryJson.Serialize(expected) + Environment.NewLine));
        });
    }

    private static void AssertRejected(Run run, string expected)
    {
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidArguments));
            Assert.That(run.Output, Is.Empty);
            Assert.That(lines, Has.Length.EqualTo(1), run.Error);
            Assert.That(lines[0], Does.StartWith("error: "));
            Assert.That(lines[0], Does.Contain(expected));
            Assert.That(run.Error, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
        });
    }

    private static Task<Run> InvokeAsync(string[] args, CancellationToken cancellationToken) =>
        InvokeAsync(BridgeCommandLine.Create(), args, cancellationToken);

    private static async Task<Run> InvokeAsync(RootCommand command, string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        return new Run(exitCode, output.ToString(), error.ToString());
    }

    private sealed record Run(int ExitCode, string Output, string Error);
}
