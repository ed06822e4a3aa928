using System.Text.Json;
using ManageIQ.OpenScap.Inspector.Metadata;
using ManageIQ.OpenScap.Scap;
using ManageIQ.OpenScap.Scanner.Scanning;

namespace ManageIQ.OpenScap.Inspector.Serving;

/// <summary>image-inspector's HTTP API, answering from the first moment with the scan's progress.</summary>
public static class InspectorEndpoints
{
    public const string NotChosen = "OpenSCAP option was not chosen";

    public static IEndpointRouteBuilder MapInspectorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok\n", "text/plain; charset=utf-8"));
        endpoints.MapGet("/readyz", (InspectionState state) => state.IsFinished
            ? Results.Text("ready\n", "text/plain; charset=utf-8")
            : Results.Text("scan in progress\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable));
        endpoints.MapGet("/api", () => Results.Text(JsonSerializer.Serialize(ApiVersions.V1, InspectorJsonContext.Default.ApiVersions), "application/json"));
        endpoints.MapGet("/api/v1/metadata", (InspectionState state) =>
            Results.Text(JsonSerializer.Serialize(state.Metadata(), InspectorJsonContext.Default.InspectorMetadata), "application/json"));
        endpoints.MapGet("/api/v1/openscap", (InspectionState state) => Artifact(state, r => r.ArfPath, "application/xml", NotChosen));
        endpoints.MapGet("/api/v1/openscap-report", HtmlReportAsync);
        endpoints.MapGet("/api/v1/summary", (InspectionState state) => Artifact(state, r => r.SummaryPath, ScapSummaryJson.MediaType, "OpenSCAP summary was not produced"));
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

    private static IResult Artifact(InspectionState state, Func<ImageScanResult, string?> path, string contentType, string missing)
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

        var file = state.Result is { } result ? path(result) : null;
        if (file is null || !File.Exists(file))
        {
            var why = state.Result?.Notes.FirstOrDefault(n => n.StartsWith("HTML", StringComparison.Ordinal) || n.StartsWith("The ARF could not", StringComparison.Ordinal));
            return PlainText(why is null ? missing : missing + ": " + why, StatusCodes.Status404NotFound);
        }

        return Results.File(file, contentType);
    }

    private static IResult PlainText(string message, int status) => Results.Text(message + "\n", "text/plain; charset=utf-8", statusCode: status);
}
