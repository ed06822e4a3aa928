namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>
/// Collects, during the single pass, only what the summary needs (counters, rule titles and severities, the
/// failed rule-results, OVAL definition metadata) and joins them once the document has ended, because rule-results
/// and the OVAL definitions they name come in either order.
/// </summary>
internal sealed class SummaryBuilder
{
    private readonly Dictionary<string, RuleInfo> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _profileTitles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _benchmarkVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OvalDefinitionInfo> _definitions = new(StringComparer.Ordinal);
    private readonly int[] _results = new int[XccdfResults.Count];
    private readonly List<FailedRuleResult> _failed = [];
    private readonly List<ScapTargetFact> _facts = [];
    private readonly List<ScapScore> _scores = [];
    private readonly Dictionary<string, int> _ovalResults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ovalClasses = new(StringComparer.Ordinal);
    private readonly List<(string DefinitionId, XccdfResult Result)> _ovalDefinitionResults = [];
    private HashSet<string>? _wantedDefinitions;

    public ScapResultKind Kind { get; set; }

    public int TestResults { get; set; }

    public int OvalSystems { get; set; }

    public string? TestResultId { get; set; }

    public string? BenchmarkId { get; set; }

    public string? ProfileId { get; set; }

    public string? Target { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    public int RuleResults { get; private set; }

    public int Failures => _failed.Count + _ovalDefinitionResults.Count;

    public void AddBenchmark(string? id, string? version)
    {
        if (id is not null)
        {
            _benchmarkVersions.TryAdd(id, version);
        }
    }

    public void AddProfile(string id, string? title) => _profileTitles.TryAdd(id, title);

    public void AddRule(string id, RuleInfo rule) => _rules.TryAdd(id, rule);

    public void AddFact(ScapTargetFact fact) => _facts.Add(fact);

    public void AddScore(ScapScore score) => _scores.Add(score);

    public void CountRuleResult(XccdfResult result)
    {
        RuleResults++;
        _results[(int)result]++;
    }

    public void AddFailure(FailedRuleResult failure) => _failed.Add(failure);

    /// <summary>
    /// Called when a TestResult ends: from then on only the OVAL definitions its failures name are kept, which
    /// keeps memory flat for the ARF layout where the TestResult precedes the OVAL reports.
    /// </summary>
    public void TestResultEnded()
    {
        _wantedDefinitions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var failure in _failed)
        {
            if (failure.CheckName is not null)
            {
                _wantedDefinitions.Add(failure.CheckName);
            }
        }
    }

    public bool WantsDefinition(string id) => _wantedDefinitions is null || _wantedDefinitions.Contains(id);

    public void AddDefinition(string id, OvalDefinitionInfo definition) => _definitions.TryAdd(id, definition);

    public OvalDefinitionInfo? FindDefinition(string id) => _definitions.GetValueOrDefault(id);

    /// <summary>Counts one OVAL definition result of an OVAL results document and maps it to XCCDF.</summary>
    public void AddOvalResult(string definitionId, string ovalResult, XccdfResult mapped, string? definitionClass)
    {
        _ovalResults[ovalResult] = _ovalResults.GetValueOrDefault(ovalResult) + 1;
        var cls = definitionClass ?? "unknown";
        _ovalClasses[cls] = _ovalClasses.GetValueOrDefault(cls) + 1;
        CountRuleResult(mapped);
        if (mapped == XccdfResult.Fail)
        {
            _ovalDefinitionResults.Add((definitionId, mapped));
        }
    }

    public ScapSummary Build(string sourceName)
    {
        var failedRules = new List<ScapFailedRule>(_failed.Count + _ovalDefinitionResults.Count);
        var cves = new Dictionary<string, ScapSeverity>(StringComparer.Ordinal);
        foreach (var failure in _failed)
        {
            failedRules.Add(Join(failure, cves));
        }

        foreach (var (definitionId, _) in _ovalDefinitionResults)
        {
            failedRules.Add(JoinOval(definitionId, cves));
        }

        return new ScapSummary
        {
            Kind = Kind,
            Source = sourceName,
            TestResultId = TestResultId,
            Benchmark = BuildBenchmark(),
            Profile = ProfileId is null ? null : new ScapProfileInfo(ProfileId, _profileTitles.GetValueOrDefault(ProfileId)),
            Target = Target,
            TargetFacts = _facts,
            StartTime = StartTime,
            EndTime = EndTime,
            Scores = _scores,
            RuleResults = RuleResults,
            Results = BuildResults(),
            FailedBySeverity = CountBySeverity(failedRules),
            FailedRules = failedRules,
            Cves = [.. cves.Select(c => new ScapCve(c.Key, c.Value)).OrderByDescending(c => c.Severity).ThenBy(c => c.Id, StringComparer.Ordinal)],
            Oval = Kind == ScapResultKind.Oval ? BuildOval() : null,
        };
    }

    private ScapFailedRule Join(FailedRuleResult failure, Dictionary<string, ScapSeverity> cves)
    {
        var hasRule = _rules.TryGetValue(failure.IdRef, out var rule);
        var definition = failure.CheckName is null ? null : _definitions.GetValueOrDefault(failure.CheckName);

        // The advisory severity of the failed OVAL definition is specific to that CVE; the rule's own severity
        // (e.g. security_patches_up_to_date: medium) is the same for every definition of a multi-check rule.
        var severity = definition?.AdvisorySeverity
            ?? (failure.Severity is not null ? Severities.ParseXccdf(failure.Severity) : hasRule ? rule.Severity : ScapSeverity.Unknown);

        var ids = new List<string>();
        foreach (var ident in failure.Idents)
        {
            if (IsCve(ident))
            {
                AddDistinct(ids, ident.Value);
            }
        }

        foreach (var cve in definition?.Cves ?? [])
        {
            AddDistinct(ids, cve);
        }

        Record(cves, ids, severity);
        return new ScapFailedRule
        {
            Id = failure.IdRef,
            Title = hasRule ? rule.Title : null,
            Description = hasRule ? rule.Description : null,
            Rationale = hasRule ? rule.Rationale : null,
            FixText = hasRule ? rule.FixText : null,
            Severity = severity,
            Weight = failure.Weight,
            Cves = ids,
            Idents = failure.Idents,
            Check = failure.CheckName,
            CheckTitle = definition?.Title,
        };
    }

    private ScapFailedRule JoinOval(string definitionId, Dictionary<string, ScapSeverity> cves)
    {
        var definition = _definitions.GetValueOrDefault(definitionId);
        var severity = definition?.AdvisorySeverity ?? ScapSeverity.Unknown;
        var ids = definition?.Cves ?? [];
        Record(cves, ids, severity);
        return new ScapFailedRule
        {
            Id = definitionId,
            Title = definition?.Title,
            Severity = severity,
            Cves = ids,
            Check = definitionId,
            CheckTitle = definition?.Title,
        };
    }

    private static void Record(Dictionary<string, ScapSeverity> cves, IReadOnlyList<string> ids, ScapSeverity severity)
    {
        foreach (var id in ids)
        {
            if (!cves.TryGetValue(id, out var known) || known < severity)
            {
                cves[id] = severity;
            }
        }
    }

    private static bool IsCve(ScapIdent ident) =>
        ident.System.Contains("cve.mitre.org", StringComparison.OrdinalIgnoreCase)
        || ident.System.Contains("cve.org", StringComparison.OrdinalIgnoreCase)
        || ident.Value.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase);

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }

    private ScapBenchmarkInfo? BuildBenchmark()
    {
        var id = BenchmarkId ?? (_benchmarkVersions.Count == 1 ? _benchmarkVersions.Keys.First() : null);
        return id is null ? null : new ScapBenchmarkInfo(id, _benchmarkVersions.GetValueOrDefault(id));
    }

    private Dictionary<string, int> BuildResults()
    {
        var results = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _results.Length; i++)
        {
            if (_results[i] > 0)
            {
                results[XccdfResults.Names[i]] = _results[i];
            }
        }

        return results;
    }

    private static ScapSeverityCounts CountBySeverity(List<ScapFailedRule> failedRules)
    {
        Span<int> counts = stackalloc int[5];
        foreach (var rule in failedRules)
        {
            counts[(int)rule.Severity]++;
        }

        return new ScapSeverityCounts(
            High: counts[(int)ScapSeverity.High],
            Medium: counts[(int)ScapSeverity.Medium],
            Low: counts[(int)ScapSeverity.Low],
            Info: counts[(int)ScapSeverity.Info],
            Unknown: counts[(int)ScapSeverity.Unknown]);
    }

    private ScapOvalSummary BuildOval() => new()
    {
        Definitions = _ovalResults.Values.Sum(),
        Results = _ovalResults,
        Classes = _ovalClasses,
    };
}
