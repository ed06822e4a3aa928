using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.ManageIq;

/// <summary>
/// Reports and widgets. ManageIQ's API writes reports only through <c>import</c> (<c>POST /api/reports</c>) and never
/// writes widgets (<c>/api/widgets</c> has no create), so widgets are only read.
/// </summary>
public interface IManageIqReportsClient
{
    /// <summary>The report with this exact name (<c>menu_name</c>), or null.</summary>
    Task<Report?> FindReportAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Imports one report (an export's MiqReport hash, JSON keys) and saves it; an existing report of the same name is
    /// replaced only when <paramref name="overwrite"/>, otherwise kept ("Skipping Report").
    /// </summary>
    Task<ReportImport> ImportReportAsync(Newtonsoft.Json.Linq.JObject report, bool overwrite, CancellationToken cancellationToken = default);

    /// <summary>The widget with this exact description, or null.</summary>
    Task<Widget?> FindWidgetAsync(string description, CancellationToken cancellationToken = default);
}
