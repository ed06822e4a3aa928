using System.CommandLine;
using ManageIQ.OpenScap.Bridge.CommandLine;
using ManageIQ.OpenScap.Scap.Reporting;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Bridge.Tests.CommandLine;

/// <summary><c>report html</c> on the Scap project's committed real oscap result.</summary>
[CancelAfter(60_000)]
public sealed class ReportHtmlCommandTests
{
    private static readonly string MiniArf = RepositoryRoot.Combine("tests", "ManageIQ.OpenScap.Scap.Tests", "Fixtures", "mini-arf.xml.gz");

    [Test]
    public async Task Html_WithoutOutput_PrintsThePage(CancellationToken cancellationToken)
    {
        var (exitCode, output, error) = await InvokeAsync(["report", "html", MiniArf], cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, error);
            Assert.That(output, Does.StartWith("<!DOCTYPE html>").And.Contain("openssl is not affected by CVE-2023-5678").And.EndWith("</html>\n"));
        });
    }

    [Test]
    public async Task Html_WithOutput_WritesThePageAndPrintsItsSize(CancellationToken cancellationToken)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("report.html");

        var (exitCode, output, error) = await InvokeAsync(["report", "html", MiniArf, "-o", path], cancellationToken);

        var html = await File.ReadAllTextAsync(path, cancellationToken);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, error);
            Assert.That(output, Is.EqualTo($"{path}: {CompactReportEncoding.Encode(html).Length} characters encoded, 7 failed results listed, 0 left out\n"));
            Assert.That(html, Does.Contain("Ensure Software Patches Installed"));
        });
    }

    [Test]
    public async Task Html_NotAScapResult_ExitsTwoWithOneErrorLine(CancellationToken cancellationToken)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("other.xml");
        await File.WriteAllTextAsync(path, "<other/>", cancellationToken);

        var (exitCode, output, error) = await InvokeAsync(["report", "html", path, "-o", dir.Combine("out.html")], cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ReportCommand.InvalidInputExitCode));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.StartWith("error: ").And.Contain("other.xml").And.Contain("is not an ARF"));
            Assert.That(File.Exists(dir.Combine("out.html")), Is.False);
        });
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BridgeCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
