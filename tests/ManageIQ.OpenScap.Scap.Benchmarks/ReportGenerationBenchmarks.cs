using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace ManageIQ.OpenScap.Scap.Benchmarks;

/// <summary>
/// <c>oscap xccdf generate report</c> on the same ARF: 70-140 s and several GB per run, so fewer iterations than
/// <see cref="SummaryBenchmarks"/>; run both with <c>--filter '*' --join</c> to get one table.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 2)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "BenchmarkDotNet runs instance methods.")]
public class ReportGenerationBenchmarks
{
    [Benchmark(Description = "oscap xccdf generate report")]
    public int OscapGenerateReport() =>
        SummaryBenchmarks.Run("oscap", "xccdf", "generate", "report", "--output", "/dev/null", SummaryBenchmarks.InputPath);
}
