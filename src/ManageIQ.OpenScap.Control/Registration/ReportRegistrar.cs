using ManageIQ.OpenScap.Control.Configuration;
using ManageIQ.OpenScap.Control.Format;
using ManageIQ.OpenScap.Control.Logging;
using ManageIQ.OpenScap.Control.Ownership;
using ManageIQ.OpenScap.Control.Source;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Registration;

/// <summary>
/// <c>bridge policies register --reports</c>: imports the reports of <c>&lt;policies&gt;/reports</c> through
/// <c>POST /api/reports</c> (<c>import</c>, the API's only way to write a report) and checks that the widgets of
/// <c>&lt;policies&gt;/widgets</c> were imported (the API cannot create widgets). A report has no notes, so the
/// <see cref="OwnershipMark"/> is kept in its <c>rpt_options</c> under <see cref="MarkKey"/>. Found by name: none, it
/// is imported; the same mark, nothing is written; another mark of the bridge's, it is re-imported with overwrite;
/// no mark, it is someone else's and left alone (a conflict).
/// </summary>
public sealed class ReportRegistrar(IManageIqReportsClient client, IOptions<BridgePoliciesOptions> options, ILogger<ReportRegistrar> logger)
{
    /// <summary>The <c>rpt_options</c> key holding the mark.</summary>
    public const string MarkKey = "openscap_bridge";

    public async Task<RegistrationReport> RegisterAsync(CancellationToken cancellationToken)
    {
        var directory = options.Value.Directory;
        var report = new RegistrationReport();
        foreach (var source in ReportDirectory.LoadReports(directory))
        {
            Record(report, await ReportAsync(source, cancellationToken).ConfigureAwait(false));
        }

        foreach (var widget in ReportDirectory.LoadWidgets(directory))
        {
            var found = await client.FindWidgetAsync(widget.Description, cancellationToken).ConfigureAwait(false);
            Record(report, found is not null
                ? new(OutcomeKind.Unchanged, "widget", widget.Description, null, found.Id, "imported; the bridge never writes widgets")
                : new(OutcomeKind.Skipped, "widget", widget.Description, null, null,
                    $"ManageIQ's API cannot create widgets: import {Path.GetFileName(widget.File)} (Reports > Import/Export > Widgets, or rake evm:import:widgets; docs/control.md)"));
        }

        return report;
    }

    /// <summary>What the bridge posts: the file's report in the API's JSON, its mark in <c>rpt_options</c>.</summary>
    public static JObject Payload(ReportSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var payload = (JObject)ApiView.Of(source.Report);
        var rptOptions = payload["rpt_options"] as JObject ?? [];
        rptOptions[MarkKey] = OwnershipMark.Of(SourceFingerprint.Of(source));
        payload["rpt_options"] = rptOptions;
        return payload;
    }

    private async Task<RegistrationOutcome> ReportAsync(ReportSource source, CancellationToken cancellationToken)
    {
        var fingerprint = SourceFingerprint.Of(source);
        var existing = await client.FindReportAsync(source.Name, cancellationToken).ConfigureAwait(false);
        var mark = OwnershipMark.Read(existing?.RptOptions?.Value<string>(MarkKey));
        if (existing is not null && mark is null)
        {
            return new(OutcomeKind.Conflict, "report", source.Name, null, existing.Id,
                $"the name of report '{source.Name}' ({Path.GetFileName(source.File)}) is held by ManageIQ's report {existing.Id}, which is not the bridge's (no ownership mark); left unchanged");
        }

        if (existing is not null && mark == fingerprint)
        {
            return new(OutcomeKind.Unchanged, "report", source.Name, null, existing.Id);
        }

        try
        {
            var imported = await client.ImportReportAsync(Payload(source), overwrite: existing is not null, cancellationToken).ConfigureAwait(false);
            var stored = OwnershipMark.Read(imported.Report?.RptOptions?.Value<string>(MarkKey)) == fingerprint;
            return imported.Success && stored
                ? new(existing is null ? OutcomeKind.Created : OutcomeKind.Edited, "report", source.Name, null, imported.Report?.Id)
                : new(OutcomeKind.Failed, "report", source.Name, null, existing?.Id, imported.Message ?? "ManageIQ did not store the report");
        }
        catch (ManageIqApiException e)
        {
            return new(OutcomeKind.Failed, "report", source.Name, null, existing?.Id, e.Message);
        }
    }

    private void Record(RegistrationReport report, RegistrationOutcome outcome)
    {
        OutcomeLogging.Write(logger, outcome);
        if (outcome is { Kind: OutcomeKind.Skipped, ObjectKind: "widget" })
        {
            Log.WidgetNotImported(logger, outcome.Name, outcome.Message);
        }

        report.Add(outcome);
    }
}
