using System.CommandLine;
using ManageIQ.OpenScap.Scap;
using ManageIQ.OpenScap.Scap.Reporting;

namespace ManageIQ.OpenScap.Bridge.CommandLine;

/// <summary>
/// <c>report html FILE [-o OUT]</c>: renders the compact HTML report (the page posted as <c>openscap_report_html</c>)
/// of a result file to OUT, or to standard output. Exit codes as <see cref="ReportCommand"/>.
/// </summary>
internal static class ReportHtmlCommand
{
    public static Command Create(IScapResultReader? reader, Func<Stream>? standardInput)
    {
        var file = new Argument<string>("FILE") { Description = "The result file (plain, gzip or bzip2), or - for standard input." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the page; standard output when absent." };
        var html = new Command("html", "Render the compact HTML report posted to ManageIQ.") { file, output };
        html.SetAction((parse, cancellationToken) => RenderAsync(
            reader ?? new ScapResultReader(),
            standardInput ?? Console.OpenStandardInput,
            parse.GetValue(file)!,
            parse.GetValue(output),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return html;
    }

    private static async Task<int> RenderAsync(
        IScapResultReader reader, Func<Stream> standardInput, string path, string? outputPath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        CompactReportResult report;
        try
        {
            ScapSummary summary;
            if (path == "-")
            {
                await using var input = standardInput();
                summary = await reader.SummarizeAsync(input, "-", cancellationToken);
            }
            else
            {
                summary = await reader.SummarizeFileAsync(path, cancellationToken);
            }

            report = CompactReport.Render(summary, new CompactReportDetails());
            if (outputPath is null)
            {
                await output.WriteAsync(report.Html.AsMemory(), cancellationToken);
                return 0;
            }

            await File.WriteAllTextAsync(outputPath, report.Html, cancellationToken);
        }
        catch (ScapFormatException ex)
        {
            return ReportCommand.Reject(error, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ReportCommand.Reject(error, ex.Message);
        }

        await output.WriteLineAsync($"{outputPath}: {report.Encoded.Length} characters encoded, {report.Listed} failed results listed, {report.Omitted} left out");
        return 0;
    }
}
