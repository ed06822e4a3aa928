using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Inspector.Serving;

/// <summary>image-inspector's HTTP API, answering from the first moment with the scan's progress.</summary>
public static class InspectorEndpoints
{
    public const string NotChosen = "OpenSCAP option was not chosen";

    public static IEndpointRouteBuilder MapInspectorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(InspectorPaths.Health, () => Results.Text("ok\n", "text/plain; charset=utf-8"));
        endpoints.MapGet(InspectorPaths.Ready, (InspectionState state) => state.IsFinished
            ? Results.Text("ready\n", "text/plain; charset=utf-8")
            : Results.Text("scan in progress\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable));
        endpoints.MapGet(InspectorPaths.ApiVersions, () => Results.Text(InspectorJson.Serialize(ApiVersions.V1), InspectorJson.MediaType));
        endpoints.MapGet(InspectorPaths.Metadata, (InspectionState state) => Results.Text(InspectorJson.Serialize(state.Metadata()), InspectorJson.MediaType));
        endpoints.MapGet(InspectorPaths.Arf, (InspectionState state) => Artifact(state, a => a.Arf, "application/xml", NotChosen));
        endpoints.MapGet(InspectorPaths.HtmlReport, HtmlReportAsync);
        endpoints.MapGet(InspectorPaths.Summary, (InspectionState state) => Artifact(state, a => a.Summary, ScapSummaryJson.MediaType, "OpenSCAP summary was not produced"));
        return endpoints;
    }

    private static async Task<IResult> HtmlReportAsync(InspectionState state, CancellationToken cancellationToken)
    {
        if (!state.Settings.HtmlReport)
        {
            return PlainText(NotChosen, StatusCodes.Status404NotFound);
        }

        var refusal = Artifact(state, _ => null, "text/html; charset=utf-8", "OpenSCAP HTML report was not generated");
        if (state.Metadata().OpenSCAP.Status != OpenScapStatus.Success || state.HtmlReport is not { } rendering)
        {
            return refusal;
        }

        // Rendering started when the scan finished; a client asking early waits for it.
        var outcome = await rendering.WaitAsync(cancellationToken).ConfigureAwait(false);
        return outcome.Path is not null && File.Exists(outcome.Path)
            ? Results.File(outcome.Path, "text/html; charset=utf-8")
            : PlainText("OpenSCAP HTML report was not generated: " + outcome.Problem, StatusCodes.Status404NotFound);
    }

    private static IResult Artifact(InspectionState state, Func<ScanArtifactPaths, string?> path, string contentType, string missing)
    {
        var metadata = state.Metadata();
        switch (metadata.OpenSCAP.Status)
        {
            case OpenScapStatus.Running:
                return PlainText("OpenSCAP scan is still running: " + (metadata.Progress?.Message ?? "starting"), StatusCodes.Status503ServiceUnavailable);
            case OpenScapStatus.Error:
                return PlainText("OpenSCAP Error: " + metadata.OpenSCAP.ErrorMessage, StatusCodes.Status500InternalServerError);
            case OpenScapStatus.NotRequested:
                return PlainText(NotChosen, StatusCodes.Status404NotFound);
        }

        var file = state.FinishedReport is { } report ? path(report.Artifacts) : null;
        if (file is null || !File.Exists(file))
        {
            var why = state.FinishedReport?.Notes.FirstOrDefault(n => n.StartsWith("HTML", StringComparison.Ordinal) || n.StartsWith("The ARF could not", StringComparison.Ordinal));
            return PlainText(why is null ? missing : missing + ": " + why, StatusCodes.Status404NotFound);
        }

        return Results.File(file, contentType);
    }

    private static IResult PlainText(string message, int status) => Results.Text(message + "\n", "text/plain; charset=utf-8", statusCode: status);
}
