using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scap.Benchmarks;

/// <summary>
/// Rationale and fix text for the failed rules, two ways (docs/html-report.md): kept for every Rule in the
/// summary pass, cut to MaxRuleTextLength, against a summary pass without them plus a second streaming pass
/// over the file. The summary pass without them is the baseline.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class RuleTextBenchmarks
{
    private readonly ScapResultReader _withTexts = new();
    private readonly ScapResultReader _withoutTexts = new(Options.Create(new ScapReaderOptions { MaxRuleTextLength = 0 }), NullLogger<ScapResultReader>.Instance);

    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = "standard";

    public static IEnumerable<string> Inputs => ReportInputs.Names;

    private string InputPath => ReportInputs.Path(Input);

    [Benchmark(Baseline = true, Description = "summary pass, no rule texts")]
    public Task<int> SummaryOnly() => SummaryOnly(InputPath);

    [Benchmark(Description = "one pass, texts kept for every Rule")]
    public Task<int> OnePassKeep() => OnePassKeep(InputPath);

    [Benchmark(Description = "summary pass + second pass for failed Rules")]
    public Task<int> SecondPass() => SecondPass(InputPath);

    internal async Task<int> SummaryOnly(string path) =>
        (await _withoutTexts.SummarizeFileAsync(path, CancellationToken.None)).FailedRules.Count;

    internal async Task<int> OnePassKeep(string path)
    {
        var summary = await _withTexts.SummarizeFileAsync(path, CancellationToken.None);
        return summary.FailedRules.Count(r => r.Rationale is not null);
    }

    internal async Task<int> SecondPass(string path)
    {
        var summary = await _withoutTexts.SummarizeFileAsync(path, CancellationToken.None);
        var failed = summary.FailedRules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var (texts, _) = await SecondPassRuleTexts.ReadAsync(path, failed, new ScapReaderOptions(), CancellationToken.None);
        return texts.Count;
    }
}
