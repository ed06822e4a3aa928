using System.Globalization;
using BenchmarkDotNet.Reports;

namespace ManageIQ.OpenScap.Scap.Benchmarks;

/// <summary>Prints MB/s of every benchmark of the run from its mean time and the input size.</summary>
internal static class ThroughputReport
{
    public static void Print(IEnumerable<Summary> summaries, string inputPath)
    {
        if (!File.Exists(inputPath))
        {
            return;
        }

        var megabytes = new FileInfo(inputPath).Length / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Input {inputPath}: {megabytes:F1} MB"));
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            if (report.ResultStatistics is not { } stats)
            {
                continue;
            }

            var seconds = stats.Mean / 1e9;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,-40} mean {seconds:F3} s  {megabytes / seconds,8:F1} MB/s"));
        }
    }
}
