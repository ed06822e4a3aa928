using System.Net;
using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>
/// <c>POST /api/reports</c> <c>import</c> (manageiq-api <c>ReportsController#import_resource</c> calling manageiq's
/// <c>MiqReport.import_from_hash</c>): each resource is <c>{"report": {...export hash...}, "options": {"save": true,
/// "overwrite": false}}</c>. The report needs <c>menu_name</c>, <c>cols</c>, <c>col_order</c> and rpt_type
/// <c>Custom</c>; it is found by name (<c>menu_name</c>); an existing one is kept ("Skipping Report (already in DB)")
/// unless <c>overwrite</c>, and replaced only by a report admin or its own group. A new report belongs to the caller
/// and its current group. <c>conditions</c> given as a Hash becomes an MiqExpression (<c>MiqReport#conditions=</c>).
/// A RuntimeError of the importer is a 500, a failed validation a 400, as <c>Api::BaseController</c> maps them.
/// </summary>
internal static class ReportsHandler
{
    private static readonly CollectionDefinition Definition = Collections.Reports;

    public static ApiResult PostCollection(ApiContext context)
    {
        var action = Envelope.Action(context);
        if (action != "import")
        {
            throw ApiException.BadRequest($"Unsupported Action {action} for the {Definition.Name} collection specified");
        }

        context.Require("miq_report_export", "Use of Action import is forbidden");
        return Envelope.Results(context, [.. Envelope.Resources(context).Select(r => Import(context, r))]);
    }

    private static JObject Import(ApiContext context, JObject data)
    {
        var options = data["options"] as JObject ?? [];
        var report = (data["report"] as JObject)?.DeepClone() as JObject ?? throw Runtime("No Report to Import");
        if (report.Properties().FirstOrDefault()?.Name == "MiqReport" && report["MiqReport"] is JObject wrapped)
        {
            report = wrapped;
        }

        if (report["menu_name"] is null || report["col_order"] is null || report["cols"] is null || report.Value<string>("rpt_type") != "Custom")
        {
            throw Runtime("Incorrect format, only policy records can be imported.");
        }

        var name = report.Value<string>("menu_name");
        report.Remove("menu_name");
        report["name"] = name;
        report["miq_group_id"] = context.Group?.Id;
        report["user_id"] = context.User?.Id;
        var values = Columns(report);
        var existing = context.Store.Reports.Rows.FirstOrDefault(r => r.Value<string>("name") == name);
        if (existing is null)
        {
            return Save(context, options, values, null, $"Imported Report: [{name}]");
        }

        if (options.Value<bool?>("overwrite") != true)
        {
            return Answer(true, $"Skipping Report (already in DB): [{name}]", ControlRows.Render(context, Definition, existing));
        }

        if (!ReportColumns.AdminRoles.Contains(context.Group?.Role) && existing.Value<long?>("miq_group_id") != context.Group?.Id)
        {
            return Answer(false, $"Skipping Report (already in DB under a different group): [{name}]", ControlRows.Render(context, Definition, existing));
        }

        var merged = (JObject)existing.DeepClone();
        foreach (var property in values.Properties())
        {
            merged[property.Name] = property.Value.DeepClone();
        }

        return Save(context, options, merged, existing, $"Replaced Report: [{name}]");
    }

    /// <summary>The stored columns of <paramref name="report"/>; an unknown key is ActiveModel's UnknownAttributeError (500).</summary>
    private static JObject Columns(JObject report)
    {
        var values = new JObject();
        foreach (var property in report.Properties())
        {
            if (ReportColumns.Ignored.Contains(property.Name))
            {
                continue;
            }

            if (!ReportColumns.Stored.Contains(property.Name))
            {
                throw new ApiException(HttpStatusCode.InternalServerError, $"unknown attribute '{property.Name}' for MiqReport.", "ActiveModel::UnknownAttributeError");
            }

            values[property.Name] = property.Name == "conditions" && property.Value is JObject exp && exp["exp"] is null
                ? new JObject { ["exp"] = exp.DeepClone(), ["context_type"] = null }
                : property.Value.DeepClone();
        }

        return values;
    }

    /// <summary>Saves (when <c>options.save</c>) after ActiveRecord's validations; the answer carries the report as <c>result</c>.</summary>
    private static JObject Save(ApiContext context, JObject options, JObject values, JObject? existing, string message)
    {
        var errors = ControlRows.Validate(context.Store.Reports, values, existing?.Value<long>("id"), ReportColumns.Required, ["name"]);
        if (values.Value<string>("rpt_type") is not ("Default" or "Custom"))
        {
            errors.Add("Rpt type is not included in the list");
        }

        if (errors.Count > 0)
        {
            throw ApiException.BadRequest($"Validation failed: {string.Join(", ", errors)}");
        }

        if (options.Value<bool?>("save") != true)
        {
            return Answer(true, message, values);
        }

        values["updated_on"] = context.Store.Now();
        var row = existing;
        if (row is null)
        {
            values["created_on"] = values["updated_on"]!.DeepClone();
            row = context.Store.Reports.Add(values);
        }
        else
        {
            foreach (var property in values.Properties())
            {
                row[property.Name] = property.Value.DeepClone();
            }

            context.Store.Reports.Touch();
        }

        return Answer(true, message, ControlRows.Render(context, Definition, row));
    }

    /// <summary><c>action_result(level == :info, message, :result => report)</c>.</summary>
    private static JObject Answer(bool success, string message, JObject report)
    {
        var answer = Envelope.Result(success, message, null);
        answer["result"] = report;
        return answer;
    }

    private static ApiException Runtime(string message) => new(HttpStatusCode.InternalServerError, message, "RuntimeError");
}
