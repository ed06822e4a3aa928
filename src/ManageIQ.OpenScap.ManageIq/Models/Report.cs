namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>A report definition (<c>/api/reports</c>, model MiqReport); <see cref="Name"/> is the export's <c>menu_name</c>.</summary>
public sealed record Report
{
    public long Id { get; init; }

    public Uri? Href { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Title { get; init; }

    public string? RptType { get; init; }

    public string? Db { get; init; }

    /// <summary>The serialized <c>rpt_options</c> Hash, where the bridge keeps its ownership mark (a report has no notes).</summary>
    public Newtonsoft.Json.Linq.JObject? RptOptions { get; init; }
}
