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
    public async Task<int> SummaryOnly() =>
        (await _withoutTexts.SummarizeFileAsync(InputPath, CancellationToken.None)).FailedRules.Count;

    [Benchmark(Description = "one pass, texts kept for every Rule")]
    public async Task<int> OnePassKeep()
    {
        var summary = await _withTexts.SummarizeFileAsync(InputPath, CancellationToken.None);
        return summary.FailedRules.Count(r => r.Rationale is not null);
    }

    [Benchmark(Description = "summary pass + second pass for failed Rules")]
    public async Task<int> SecondPass()
    {
        var summary = await _withoutTexts.SummarizeFileAsync(InputPath, CancellationToken.None);
        var failed = summary.FailedRules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var texts = await SecondPassRuleTexts.ReadAsync(InputPath, failed, new ScapReaderOptions(), CancellationToken.None);
        return texts.Count;
    }
}
