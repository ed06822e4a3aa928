using System.CommandLine;

namespace ManageIQ.OpenScap.Bridge.CommandLine;

/// <summary><c>report summarize FILE [--format json|text]</c>.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var report = new Command("report", "Work with OpenSCAP result files (ARF, XCCDF, OVAL).");
        var file = new Argument<string>("FILE") { Description = "The result file, or - for standard input." };
        var format = new Option<string>("--format") { Description = "json or text.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("json", "text");
        var summarize = new Command("summarize", "Summarise a result file in one streaming pass.") { file, format };
        summarize.SetAction((parse, cancellationToken) =>
        {
            // Filled in by the SCAP results library work.
            parse.InvocationConfiguration.Output.WriteLine($"{parse.GetValue(file)} {parse.GetValue(format)}");
            return Task.FromResult(0);
        });
        report.Subcommands.Add(summarize);
        return report;
    }
}
