using ManageIQ.OpenScap.Control.Format;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Source;

/// <summary>
/// The report and widget files beside the policy files: <c>&lt;policies&gt;/reports/*.yaml</c> (MiqReport exports) and
/// <c>&lt;policies&gt;/widgets/*.yaml</c> (MiqWidget exports), checked as ManageIQ's importers check them.
/// </summary>
public static class ReportDirectory
{
    public const string ReportsFolder = "reports";
    public const string WidgetsFolder = "widgets";

    public static IReadOnlyList<ReportSource> LoadReports(string policiesDirectory) =>
        [.. Files(policiesDirectory, ReportsFolder).SelectMany(f => Entries(RubyYamlReader.ReadFile(f), "MiqReport", f).Select(r => Report(r, f)))];

    public static IReadOnlyList<WidgetSource> LoadWidgets(string policiesDirectory) =>
        [.. Files(policiesDirectory, WidgetsFolder).SelectMany(f => Entries(RubyYamlReader.ReadFile(f), "MiqWidget", f).Select(w => Widget(w, f)))];

    /// <summary><c>MiqReport.import_from_hash</c>'s check: menu_name, col_order and cols present, rpt_type Custom.</summary>
    public static ReportSource Report(JObject report, string file)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Value<string>("menu_name") is not { Length: > 0 } name || report["cols"] is not JArray || report["col_order"] is not JArray)
        {
            throw new ControlFileException($"{file}: a report needs menu_name, cols and col_order (ManageIQ's importer refuses it otherwise).");
        }

        return report.Value<string>("rpt_type") == "Custom"
            ? new ReportSource(name, report, file)
            : throw new ControlFileException($"{file}: report '{name}' has rpt_type '{report.Value<string>("rpt_type")}'; ManageIQ imports only Custom reports.");
    }

    private static WidgetSource Widget(JObject widget, string file)
    {
        var description = widget.Value<string>("description");
        var report = widget.SelectToken("MiqReportContent[0].MiqReport") as JObject;
        if (string.IsNullOrEmpty(description) || string.IsNullOrEmpty(widget.Value<string>("title")) || report is null)
        {
            throw new ControlFileException($"{file}: a widget needs description, title and MiqReportContent with its MiqReport.");
        }

        return new WidgetSource(description, Report(report, file).Name, file);
    }

    private static IEnumerable<string> Files(string policiesDirectory, string folder)
    {
        var directory = Path.Combine(policiesDirectory, folder);
        return Directory.Exists(directory) ? Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal) : [];
    }

    private static IEnumerable<JObject> Entries(JToken view, string klass, string file)
    {
        if (view is not JArray array || array.Count == 0)
        {
            throw new ControlFileException($"{file}: an export is a non-empty array of {klass} entries.");
        }

        foreach (var entry in array)
        {
            yield return entry is JObject { Count: 1 } o && o[klass] is JObject inner
                ? inner
                : throw new ControlFileException($"{file}: Incorrect format: Expected {klass}.");
        }
    }
}
