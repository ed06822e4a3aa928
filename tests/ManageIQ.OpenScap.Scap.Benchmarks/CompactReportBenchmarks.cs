using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ManageIQ.OpenScap.Scap.Reporting;

namespace ManageIQ.OpenScap.Scap.Benchmarks;

/// <summary>Rendering the compact report (fitting included) from the summaries of <see cref="ReportInputs"/>.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class CompactReportBenchmarks
{
    private ScapSummary _summary = new() { Kind = ScapResultKind.Arf };

    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = "standard";

    public static IEnumerable<string> Inputs => ReportInputs.Names;

    [GlobalSetup]
    public async Task SummarizeAsync() =>
        _summary = await new ScapResultReader().SummarizeFileAsync(ReportInputs.Path(Input), CancellationToken.None);

    [Benchmark(Description = "CompactReport.Render")]
    public int Render() => CompactReport.Render(_summary, new CompactReportDetails()).Encoded.Length;
}
