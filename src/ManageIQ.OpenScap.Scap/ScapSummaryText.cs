using System.Globalization;

namespace ManageIQ.OpenScap.Scap;

/// <summary>The readable table form of a <see cref="ScapSummary"/> (<c>report summarize --format text</c>).</summary>
public static class ScapSummaryText
{
    public static void Write(TextWriter output, ScapSummary summary)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(summary);
        var c = CultureInfo.InvariantCulture;
        Field(output, "Kind", summary.Kind.ToString().ToLowerInvariant());
        Field(output, "Source", summary.Source);
        Field(output, "Benchmark", summary.Benchmark is null ? null : $"{summary.Benchmark.Id} {summary.Benchmark.Version}".TrimEnd());
        Field(output, "Profile", summary.Profile is null ? null : summary.Profile.Title is null ? summary.Profile.Id : $"{summary.Profile.Id} ({summary.Profile.Title})");
        Field(output, "Target", summary.Target);
        Field(output, "Started", summary.StartTime?.ToString("u", c));
        Field(output, "Ended", summary.EndTime?.ToString("u", c));
        foreach (var score in summary.Scores)
        {
            Field(output, "Score", string.Create(c, $"{score.Value:0.##}/{score.Maximum:0.##} ({score.System})"));
        }

        Field(output, "Rule results", summary.RuleResults.ToString(c));
        output.WriteLine();
        output.WriteLine("RESULT          COUNT");
        foreach (var (result, count) in summary.Results)
        {
            output.WriteLine(string.Create(c, $"{result,-15} {count,5}"));
        }

        var s = summary.FailedBySeverity;
        output.WriteLine();
        output.WriteLine(string.Create(c, $"Failed by severity: high {s.High}, medium {s.Medium}, low {s.Low}, info {s.Info}, unknown {s.Unknown}"));
        if (summary.FailedRules.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("SEVERITY  RULE / CHECK                                                      TITLE");
            foreach (var rule in summary.FailedRules)
            {
                var id = rule.Check is not null && rule.Check != rule.Id ? $"{rule.Id} {rule.Check}" : rule.Id;
                var title = rule.CheckTitle is not null && rule.CheckTitle != rule.Title ? $"{rule.Title}: {rule.CheckTitle}" : rule.Title;
                var cves = rule.Cves.Count > 0 ? " [" + string.Join(", ", rule.Cves) + "]" : string.Empty;
                output.WriteLine($"{Word(rule.Severity),-9} {id,-65} {title}{cves}");
            }
        }

        if (summary.Cves.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(string.Create(c, $"CVEs ({summary.Cves.Count})"));
            foreach (var cve in summary.Cves)
            {
                output.WriteLine($"{Word(cve.Severity),-9} {cve.Id}");
            }
        }

        if (summary.Oval is { } oval)
        {
            output.WriteLine();
            output.WriteLine(string.Create(c, $"OVAL definitions: {oval.Definitions}"));
            foreach (var (result, count) in oval.Results)
            {
                output.WriteLine(string.Create(c, $"  {result,-15} {count,5}"));
            }
        }
    }

    private static void Field(TextWriter output, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            output.WriteLine($"{name + ":",-14}{value}");
        }
    }

    private static string Word(ScapSeverity severity) => severity.ToString().ToLowerInvariant();
}
