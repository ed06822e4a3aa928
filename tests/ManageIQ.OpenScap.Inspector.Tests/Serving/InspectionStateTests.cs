using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Inspector.CommandLine;
using ManageIQ.OpenScap.Scanner.CommandLine;
using ManageIQ.OpenScap.Inspector.Serving;
using ManageIQ.OpenScap.Scanner.Scanning;
using Microsoft.Extensions.Logging.Abstractions;

namespace ManageIQ.OpenScap.Inspector.Tests.Serving;

/// <summary>Whatever happens to the HTML render, the state keeps answering: the endpoints read it for every result.</summary>
public class InspectionStateTests
{
    private static readonly object[] BrokenRenders =
    [
        new object[] { Task.FromException<HtmlReportOutcome>(new IOException("No space left on device")), "No space left on device" },
        new object[] { Task.FromCanceled<HtmlReportOutcome>(new CancellationToken(canceled: true)), "cancelled" },
    ];

    [TestCaseSource(nameof(BrokenRenders))]
    public async Task Metadata_HtmlRenderFaultedOrCancelled_StillAnswersWithTheProblem(Task<HtmlReportOutcome> render, string problem)
    {
        var state = new InspectionState(Settings(), TimeProvider.System, NullLogger<InspectionState>.Instance);

        state.StartHtmlReport(render);
        var outcome = await state.HtmlReport!;

        Assert.That(outcome.Path, Is.Null);
        Assert.That(outcome.Problem, Does.Contain(problem));
        Assert.That(state.Metadata().HtmlReport, Does.Contain(problem));
    }

    private static InspectorSettings Settings() => new()
    {
        Scan = new ScanInvocation(
            new ScanSettings { Image = ImageSource.Parse("registry.example/app:1"), WorkDirectory = "/nonexistent/work", ResultsDirectory = "/nonexistent/results", HtmlReport = true },
            OwnsWorkDirectory: false,
            ConfigFile: null,
            new Dictionary<string, string?>()),
    };
}
