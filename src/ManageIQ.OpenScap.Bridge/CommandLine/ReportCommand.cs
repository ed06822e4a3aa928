using System.CommandLine;
using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Bridge.CommandLine;

/// <summary>
/// <c>report summarize FILE [--format json|text]</c>: summarises an ARF, XCCDF or OVAL result (plain, gzip or
/// bzip2; <c>-</c> reads standard input). Exit 0 on success; 2 with one <c>error: ...</c> line on standard error
/// for unreadable, malformed, hostile or non-SCAP input.
/// </summary>
internal static class ReportCommand
{
    public const int InvalidInputExitCode = ManageIQ.OpenScap.Contracts.Scanning.ExitCodes.InvalidArguments;

    private static readonly ReadOnlyMemory<byte> NewLine = System.Text.Encoding.UTF8.GetBytes(Environment.NewLine);

    public static Command Create(IScapResultReader? reader = null, Func<Stream>? standardInput = null)
    {
        var report = new Command("report", "Work with OpenSCAP result files (ARF, XCCDF, OVAL).");
        var file = new Argument<string>("FILE") { Description = "The result file (plain, gzip or bzip2), or - for standard input." };
        var format = new Option<string>("--format") { Description = "json or text.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("json", "text");
        var summarize = new Command("summarize", "Summarise a result file in one streaming pass.") { file, format };
        summarize.SetAction((parse, cancellationToken) => SummarizeAsync(
            reader ?? new ScapResultReader(),
            standardInput ?? Console.OpenStandardInput,
            parse.GetValue(file)!,
            parse.GetValue(format) == "json",
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        report.Subcommands.Add(summarize);
        report.Subcommands.Add(ReportHtmlCommand.Create(reader, standardInput));
        return report;
    }

    private static async Task<int> SummarizeAsync(
        IScapResultReader reader, Func<Stream> standardInput, string path, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ScapSummary summary;
        try
        {
            if (path == "-")
            {
                await using var input = standardInput();
                summary = await reader.SummarizeAsync(input, "-", cancellationToken);
            }
            else
            {
                summary = await reader.SummarizeFileAsync(path, cancellationToken);
            }
        }
        catch (ScapFormatException ex)
        {
            return Reject(error, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Reject(error, $"{path}: {ex.Message}");
        }

        if (json && ReferenceEquals(output, Console.Out))
        {
            // Console.Out flushes every 256 characters: a CVE feed's 2 MB summary took thousands of writes.
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(ScapSummaryJson.SerializeToUtf8Bytes(summary), cancellationToken);
            await stdout.WriteAsync(NewLine, cancellationToken);
        }
        else if (json)
        {
            await output.WriteLineAsync(ScapSummaryJson.Serialize(summary).AsMemory(), cancellationToken);
        }
        else
        {
            ScapSummaryText.Write(output, summary);
        }

        return 0;
    }

    internal static int Reject(TextWriter error, string message)
    {
        // One line, whatever the file name or the parser's message holds.
        var line = message.ReplaceLineEndings(" ");
        error.WriteLine($"error: {line}");
        return InvalidInputExitCode;
    }
}
