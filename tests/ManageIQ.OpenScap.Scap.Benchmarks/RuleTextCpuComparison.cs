using System.Diagnostics;
using System.Globalization;

namespace ManageIQ.OpenScap.Scap.Benchmarks;

/// <summary>
/// <c>ruletexts FILE [--repeat N]</c>: the three ways of <see cref="RuleTextBenchmarks"/>, interleaved N times in one
/// warm process, each pass measured in process CPU time as well as wall time. CPU time is far less disturbed
/// than wall time when other work shares the machine's cores.
/// </summary>
internal static class RuleTextCpuComparison
{
    public static async Task RunAsync(string path, int repeat)
    {
        var benchmarks = new RuleTextBenchmarks();
        (string Name, Func<Task<int>> Run)[] ways =
        [
            ("summary pass, no rule texts", () => benchmarks.SummaryOnly(path)),
            ("one pass, texts kept for every Rule", () => benchmarks.OnePassKeep(path)),
            ("summary pass + second pass", () => benchmarks.SecondPass(path)),
        ];
        var cpu = ways.Select(_ => new List<double>()).ToArray();
        var wall = ways.Select(_ => new List<double>()).ToArray();
        using var process = Process.GetCurrentProcess();
        for (var round = -1; round < repeat; round++)
        {
            for (var i = 0; i < ways.Length; i++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var started = Stopwatch.GetTimestamp();
                await ways[i].Run();
                var elapsed = Stopwatch.GetElapsedTime(started);
                process.Refresh();
                if (round >= 0)
                {
                    // Round -1 is the warm-up: JIT tier-up and the page cache.
                    cpu[i].Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                    wall[i].Add(elapsed.TotalMilliseconds);
                }
            }
        }

        var summary = await new ScapResultReader().SummarizeFileAsync(path, CancellationToken.None);
        var failed = summary.FailedRules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var (texts, bytesRead) = await SecondPassRuleTexts.ReadAsync(path, failed, new ScapReaderOptions(), CancellationToken.None);
        var kept = summary.FailedRules.DistinctBy(r => r.Id).Sum(r => (r.Rationale?.Length ?? 0) + (r.FixText?.Length ?? 0));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path}: {new FileInfo(path).Length} bytes, {summary.FailedRules.Count} failed results of {failed.Count} rules ({kept} characters of their rule texts); " +
            $"the second pass found {texts.Count} and read {bytesRead} bytes; {repeat} interleaved rounds after one warm-up"));
        for (var i = 0; i < ways.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ways[i].Name,-38} CPU median {Median(cpu[i]),7:F1} ms (min {cpu[i].Min(),7:F1})   wall median {Median(wall[i]),7:F1} ms"));
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
