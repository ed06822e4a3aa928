using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Compliance.Tests.Evaluation;

/// <summary>Scan summaries for the tables: failed results per severity, then CVEs, each its own failed result.</summary>
internal static class Findings
{
    public const string RulePrefix = "xccdf_org.ssgproject.content_rule_";
    public const string PatchesRule = RulePrefix + "security_patches_up_to_date";

    /// <summary>
    /// <paramref name="high"/>, <paramref name="medium"/>, <paramref name="low"/> failed rules (<c>rule_high_0</c>, …),
    /// plus one failed <c>security_patches_up_to_date</c> result at medium for each CVE of <paramref name="cves"/>
    /// ("CVE-2026-0001:high").
    /// </summary>
    public static ScapSummary Summary(int high, int medium, int low, params string[] cves)
    {
        var rules = new List<ScapFailedRule>();
        void Add(int count, ScapSeverity severity, string name)
        {
            for (var i = 0; i < count; i++)
            {
                rules.Add(new ScapFailedRule { Id = $"{RulePrefix}rule_{name}_{i}", Severity = severity });
            }
        }

        Add(high, ScapSeverity.High, "high");
        Add(medium, ScapSeverity.Medium, "medium");
        Add(low, ScapSeverity.Low, "low");
        var parsed = cves.Select(c => c.Split(':')).Select(p => new ScapCve(p[0], Enum.Parse<ScapSeverity>(p[1], ignoreCase: true))).ToList();
        rules.AddRange(parsed.Select(c => new ScapFailedRule { Id = PatchesRule, Severity = ScapSeverity.Medium, Cves = [c.Id] }));
        return new ScapSummary
        {
            Kind = ScapResultKind.Arf,
            Results = new Dictionary<string, int> { ["pass"] = 10, ["fail"] = rules.Count },
            FailedBySeverity = new ScapSeverityCounts(high, medium + parsed.Count, low, 0, 0),
            FailedRules = rules,
            Cves = parsed,
        };
    }
}
