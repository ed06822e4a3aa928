using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace ManageIQ.OpenScap.Scap.Benchmarks;

/// <summary>
/// The summary pass against its peers on the same ARF in the same run: libxml2's streaming reader
/// (<c>xmllint --stream --noout</c>, the practical limit) and <c>oscap xccdf generate report</c> (what a
/// ManageIQ-style full load costs). Point <c>SCAP_BENCH_ARF</c> at the file made by the generate mode.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "BenchmarkDotNet runs instance methods.")]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SummaryBenchmarks
{
    public static string InputPath { get; } =
        Environment.GetEnvironmentVariable("SCAP_BENCH_ARF") ?? "/tmp/miq-openscap-bench/arf-large.xml";

    private readonly ScapResultReader _reader = new();

    [Benchmark(Baseline = true, Description = "ScapResultReader summary pass")]
    public async Task<int> SummaryPass()
    {
        var summary = await _reader.SummarizeFileAsync(InputPath, CancellationToken.None);
        return summary.RuleResults;
    }

    [Benchmark(Description = "xmllint --stream --noout")]
    public int XmllintStream() => Run("xmllint", "--stream", "--noout", InputPath);

    internal static int Run(string program, params string[] arguments)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException(program + " did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(Stream.Null);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited {process.ExitCode}: {stderr.Result}");
        }

        return process.ExitCode;
    }
}
