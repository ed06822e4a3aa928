using System.Globalization;
using System.Text;
using ManageIQ.OpenScap.Scap.Reading;

namespace ManageIQ.OpenScap.Scap.Reporting;

/// <summary>
/// Writes the page for a given number of listed failures. The failed results are ordered once, most severe
/// first (document order within a severity); a page lists a prefix of that order, grouped by rule, so a
/// multi-check rule (one result per CVE definition) shows its rationale once above its failed checks.
/// </summary>
internal sealed class CompactReportWriter
{
    /// <summary>Bound of every summary value: with it the page without failures always fits the minimum limit.</summary>
    private const int FieldLength = 160;
    private const int NotesLength = 400;
    private const int WaivedLength = 2000;
    private const int CveIdLength = 64;

    private static readonly ScapSeverity[] s_worstFirst = [ScapSeverity.High, ScapSeverity.Medium, ScapSeverity.Low, ScapSeverity.Info, ScapSeverity.Unknown];

    private readonly ScapSummary _summary;
    private readonly CompactReportDetails _details;
    private readonly CompactReportOptions _options;
    private readonly ScapFailedRule[] _ordered;
    private readonly Dictionary<string, int> _failuresPerRule = new(StringComparer.Ordinal);

    public CompactReportWriter(ScapSummary summary, CompactReportDetails details, CompactReportOptions options)
    {
        _summary = summary;
        _details = details;
        _options = options;
        _ordered = [.. summary.FailedRules.OrderByDescending(r => r.Severity)];
        foreach (var rule in _ordered)
        {
            _failuresPerRule[rule.Id] = _failuresPerRule.GetValueOrDefault(rule.Id) + 1;
        }
    }

    public int Total => _ordered.Length;

    public string Write(int listed)
    {
        var html = new StringBuilder(4096 + (listed * 512));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\" />")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\" />")
            .Append("<title>OpenSCAP report");
        var image = _details.Image ?? _summary.Target;
        if (!string.IsNullOrEmpty(image))
        {
            html.Append(": ");
            HtmlText.Write(html, image, FieldLength);
        }

        html.Append("</title><style>").Append(ReportStyle.Css).Append("</style></head>\n<body>\n");
        WriteSummary(html, image);
        WriteFailures(html, listed);
        html.Append("<p class=\"muted\">Made by ManageIQ.OpenScap from the scan's ARF; rationale and fix text come from the benchmark, long texts are cut.</p>\n</body></html>\n");
        return html.ToString();
    }

    private void WriteSummary(StringBuilder html, string? image)
    {
        html.Append("<h1>OpenSCAP report");
        if (!string.IsNullOrEmpty(_details.Status))
        {
            html.Append(" <span class=\"st").Append(StatusClass(_details.Status)).Append("\">");
            HtmlText.Write(html, _details.Status.Replace('_', '-'), FieldLength);
            html.Append("</span>");
        }

        html.Append("</h1>\n<table class=\"facts\">");
        Fact(html, "Image", image);
        Fact(html, "Digest", _details.Digest);
        Fact(html, "Scanned on", Time(_details.ScannedOn ?? _summary.EndTime ?? _summary.StartTime));
        Fact(html, "Distribution", _details.Distribution);
        if (_summary.Profile is { } profile)
        {
            Fact(html, "Profile", profile.Title ?? profile.Id, profile.Title is null ? null : profile.Id);
        }

        if (_summary.Benchmark is { } benchmark)
        {
            Fact(html, "Benchmark", benchmark.Id, benchmark.Version is null ? null : "version " + benchmark.Version);
        }

        Fact(html, "CVE feed", _details.FeedUpdatedOn is { } feed ? "updated on " + Time(feed) : null);
        if (!string.IsNullOrEmpty(_details.Notes))
        {
            html.Append("<tr><th>Notes</th><td class=\"prose\">");
            HtmlText.Write(html, _details.Notes, NotesLength);
            html.Append("</td></tr>");
        }

        SummaryProse(html, "Verdict", _details.Verdict, NotesLength);
        SummaryProse(html, "Waived", _details.Waived, WaivedLength);
        html.Append("</table>\n");
        WriteCounts(html);
    }

    private static void SummaryProse(StringBuilder html, string label, string? text, int max)
    {
        if (!string.IsNullOrEmpty(text))
        {
            html.Append("<tr><th>").Append(label).Append("</th><td class=\"prose\">");
            HtmlText.Write(html, text, max);
            html.Append("</td></tr>");
        }
    }

    private void WriteCounts(StringBuilder html)
    {
        var c = CultureInfo.InvariantCulture;
        var s = _summary.FailedBySeverity;
        var highestCve = _summary.Cves.Count == 0 ? "none" : Word(_summary.Cves.Max(cve => cve.Severity));
        html.Append("<table class=\"counts\"><tr><th>Passed</th><th>Failed</th><th>High</th><th>Medium</th><th>Low</th><th>Info</th><th>Unknown</th>")
            .Append("<th>CVEs vulnerable</th><th>Highest CVE severity</th></tr><tr>")
            .Append(c, $"<td>{_summary.Results.GetValueOrDefault("pass")}</td><td>{Total}</td><td>{s.High}</td><td>{s.Medium}</td><td>{s.Low}</td><td>{s.Info}</td><td>{s.Unknown}</td>")
            .Append(c, $"<td>{_summary.Cves.Count}</td><td>{highestCve}</td></tr></table>\n");

        // Only the XCCDF result words, in their usual order: a summary read from JSON could hold any keys.
        var others = XccdfResults.Names.Where(n => n is not ("pass" or "fail") && _summary.Results.GetValueOrDefault(n) > 0).ToList();
        if (others.Count > 0)
        {
            html.Append("<p class=\"muted\">Other results: ");
            for (var i = 0; i < others.Count; i++)
            {
                html.Append(i == 0 ? string.Empty : ", ").Append(c, $"{others[i]} {_summary.Results[others[i]]}");
            }

            html.Append(".</p>\n");
        }
    }

    private void WriteFailures(StringBuilder html, int listed)
    {
        var c = CultureInfo.InvariantCulture;
        html.Append(c, $"<h2>Failed rules ({_failuresPerRule.Count})");
        if (Total != _failuresPerRule.Count)
        {
            html.Append(c, $", failed results ({Total})");
        }

        html.Append("</h2>\n");
        if (Total == 0)
        {
            html.Append("<p>No rule failed.</p>\n");
            return;
        }

        if (listed < Total)
        {
            WriteOmission(html, listed);
        }

        var groups = new Dictionary<string, List<ScapFailedRule>>(StringComparer.Ordinal);
        var order = new List<List<ScapFailedRule>>();
        for (var i = 0; i < listed; i++)
        {
            var rule = _ordered[i];
            if (!groups.TryGetValue(rule.Id, out var group))
            {
                group = [];
                groups.Add(rule.Id, group);
                order.Add(group);
            }

            group.Add(rule);
        }

        foreach (var group in order)
        {
            WriteRule(html, group);
        }
    }

    private void WriteOmission(StringBuilder html, int listed)
    {
        var c = CultureInfo.InvariantCulture;
        var left = new int[s_worstFirst.Length];
        for (var i = listed; i < Total; i++)
        {
            left[Array.IndexOf(s_worstFirst, _ordered[i].Severity)]++;
        }

        var bySeverity = string.Join(", ", s_worstFirst.Select((severity, i) => (severity, count: left[i])).Where(x => x.count > 0).Select(x => string.Create(c, $"{Word(x.severity)} {x.count}")));
        html.Append(c, $"<p class=\"note\">This page lists the {listed} most severe of {Total} failed results. ")
            .Append(c, $"<b>{Total - listed} left out</b> ({bySeverity}) to keep the report within {_options.MaxEncodedLength} characters encoded.</p>\n");
    }

    private void WriteRule(StringBuilder html, List<ScapFailedRule> group)
    {
        var first = group[0];
        var severity = Word(first.Severity);
        var failures = _failuresPerRule[first.Id];
        html.Append("<div class=\"rule r-").Append(severity).Append("\"><h3>");
        Badge(html, first.Severity);
        HtmlText.Write(html, first.Title ?? first.Id, _options.MaxTitleLength);
        html.Append("</h3><div class=\"id\">");
        HtmlText.Write(html, first.Id, _options.MaxTitleLength);
        html.Append("</div>");
        if (failures == 1)
        {
            WriteCves(html, first.Cves, null);
            if (!string.IsNullOrEmpty(first.CheckTitle) && first.CheckTitle != first.Title)
            {
                html.Append("<div class=\"chk\">Check: ");
                HtmlText.Write(html, first.CheckTitle, _options.MaxTitleLength);
                html.Append("</div>");
            }
        }

        Prose(html, "Rationale", first.Rationale);
        Prose(html, "Fix text", first.FixText);
        if (failures > 1)
        {
            WriteChecks(html, group, failures);
        }

        html.Append("</div>\n");
    }

    private void WriteChecks(StringBuilder html, List<ScapFailedRule> group, int failures)
    {
        var c = CultureInfo.InvariantCulture;
        html.Append(c, $"<div class=\"sub\">{failures} failed checks");
        if (group.Count < failures)
        {
            html.Append(c, $", the {group.Count} most severe listed");
        }

        html.Append("</div><ul class=\"checks\">");
        foreach (var check in group)
        {
            html.Append("<li>");
            Badge(html, check.Severity);
            var name = check.CheckTitle ?? check.Check ?? check.Title ?? check.Id;
            HtmlText.Write(html, name, _options.MaxTitleLength);
            WriteCves(html, check.Cves, name);
            html.Append("</li>");
        }

        html.Append("</ul>");
    }

    /// <summary>The CVE ids, bounded; ids the check's name already shows are not repeated.</summary>
    private void WriteCves(StringBuilder html, IReadOnlyList<string> cves, string? shownIn)
    {
        var ids = shownIn is null ? cves : [.. cves.Where(id => !shownIn.Contains(id, StringComparison.Ordinal))];
        if (ids.Count == 0)
        {
            return;
        }

        html.Append(shownIn is null ? "<div class=\"cves\">" : " <span class=\"cves\">");
        var shown = Math.Min(ids.Count, _options.MaxCvesPerResult);
        for (var i = 0; i < shown; i++)
        {
            html.Append(i == 0 ? string.Empty : ", ");
            HtmlText.Write(html, ids[i], CveIdLength);
        }

        if (shown < ids.Count)
        {
            html.Append(CultureInfo.InvariantCulture, $" and {ids.Count - shown} more");
        }

        html.Append(shownIn is null ? "</div>" : "</span>");
    }

    private void Prose(StringBuilder html, string label, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        html.Append("<div class=\"prose\"><span class=\"lbl\">").Append(label).Append(":</span> ");
        HtmlText.Write(html, text, _options.MaxProseLength);
        html.Append("</div>");
    }

    private static void Fact(StringBuilder html, string name, string? value, string? detail = null)
    {
        if (string.IsNullOrEmpty(value) && string.IsNullOrEmpty(detail))
        {
            return;
        }

        html.Append("<tr><th>").Append(name).Append("</th><td>");
        HtmlText.Write(html, value, FieldLength);
        if (!string.IsNullOrEmpty(detail))
        {
            html.Append(string.IsNullOrEmpty(value) ? "<span class=\"id\">" : " <span class=\"id\">");
            HtmlText.Write(html, detail, FieldLength);
            html.Append("</span>");
        }

        html.Append("</td></tr>");
    }

    private static void Badge(StringBuilder html, ScapSeverity severity)
    {
        var word = Word(severity);
        html.Append("<span class=\"sev b-").Append(word).Append("\">").Append(word).Append("</span>");
    }

    private static string StatusClass(string status) => status switch
    {
        "compliant" => " st-compliant",
        "non_compliant" => " st-non_compliant",
        "error" => " st-error",
        _ => string.Empty,
    };

    private static string? Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Word(ScapSeverity severity) => severity switch
    {
        ScapSeverity.High => "high",
        ScapSeverity.Medium => "medium",
        ScapSeverity.Low => "low",
        ScapSeverity.Info => "info",
        _ => "unknown",
    };
}
