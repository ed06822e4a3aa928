using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;

namespace ManageIQ.OpenScap.Scap.Benchmarks;

/// <summary>
/// Modes: <c>generate --definitions N --output ARF</c> writes a large real ARF (synthetic CVE feed through the
/// real oscap and the Debian 12 SSG data stream); <c>summarize FILE</c> runs one summary pass and prints its
/// speed and the process's peak working set; <c>readloop FILE</c> runs the bare XmlReader loop of
/// <see cref="BareReadLoop"/> once (a process of tests/benchmarks/summary-processes.sh); <c>ruletexts FILE [--repeat N]</c> compares the ways of reading rule
/// texts in CPU time (<see cref="RuleTextCpuComparison"/>); anything else goes to BenchmarkDotNet.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == "generate")
        {
            var definitions = int.Parse(Option(args, "--definitions") ?? "31000", CultureInfo.InvariantCulture);
            var output = Path.GetFullPath(Option(args, "--output") ?? throw new ArgumentException("--output ARF is required"));
            await LargeArf.GenerateAsync(output, definitions, CancellationToken.None);
            Console.WriteLine($"{output}: {new FileInfo(output).Length} bytes");
            return 0;
        }

        if (args.Length > 1 && args[0] == "summarize")
        {
            var repeat = int.Parse(Option(args, "--repeat") ?? "1", CultureInfo.InvariantCulture);
            for (var i = 0; i < repeat; i++)
            {
                await SummarizeOnceAsync(args[1]);
            }

            return 0;
        }

        if (args.Length > 1 && args[0] == "readloop")
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[1]}: {BareReadLoop.CountElements(args[1])} elements"));
            return 0;
        }

        if (args.Length > 1 && args[0] == "ruletexts")
        {
            await RuleTextCpuComparison.RunAsync(args[1], int.Parse(Option(args, "--repeat") ?? "15", CultureInfo.InvariantCulture));
            return 0;
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        ThroughputReport.Print(summaries, SummaryBenchmarks.InputPath);
        return 0;
    }

    private static async Task SummarizeOnceAsync(string path)
    {
        var started = Stopwatch.GetTimestamp();
        var summary = await new ScapResultReader().SummarizeFileAsync(path, CancellationToken.None);
        var elapsed = Stopwatch.GetElapsedTime(started);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var megabytes = new FileInfo(path).Length / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path}: {megabytes:F1} MB, {summary.RuleResults} rule-results, {summary.FailedRules.Count} failed, {summary.Cves.Count} CVEs; " +
            $"{elapsed.TotalSeconds:F2} s = {megabytes / elapsed.TotalSeconds:F0} MB/s; peak working set {process.PeakWorkingSet64 / 1e6:F1} MB; " +
            $"allocated {GC.GetTotalAllocatedBytes(precise: true) / 1e6:F1} MB"));
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
