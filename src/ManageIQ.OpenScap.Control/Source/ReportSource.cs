using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Source;

/// <summary>One report of <c>policies/reports</c>: its name (<c>menu_name</c>) and the export's MiqReport hash, as read.</summary>
public sealed record ReportSource(string Name, JObject Report, string File);
