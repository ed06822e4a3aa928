using System.Diagnostics;
using System.Globalization;
using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Analysis.Retention;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Service.Benchmarks;

/// <summary>
/// <c>retention COUNT...</c>: the CPU time of one <see cref="ResultsDirectoryRetention.Apply"/> pass (the service runs
/// one after every publish) over a results directory of COUNT images with one scan each (one compact report of
/// 40 KiB), nothing to delete: what each publish pays for the results already on disk.
/// </summary>
internal static class RetentionProbe
{
    private const int Passes = 20;

    public static async Task<int> RunAsync(IEnumerable<int> counts, TextWriter output)
    {
        var retention = new ResultsDirectoryRetention(Options.Create(new AnalysisOptions()), TimeProvider.System, NullLogger<ResultsDirectoryRetention>.Instance);
        await output.WriteLineAsync("| images on disk | CPU per pass | wall per pass | allocated per pass |");
        await output.WriteLineAsync("|---:|---:|---:|---:|");
        foreach (var count in counts)
        {
            var root = Directory.CreateTempSubdirectory("miq-retention-probe-");
            try
            {
                var report = new byte[40 * 1024];
                for (var image = 1; image <= count; image++)
                {
                    var scan = Path.Combine(root.FullName, image.ToString(CultureInfo.InvariantCulture), "20261203T000000Z-00000000");
                    Directory.CreateDirectory(scan);
                    await File.WriteAllBytesAsync(Path.Combine(scan, "report-compact.html"), report);
                }

                retention.Apply(root.FullName);
                using var self = Process.GetCurrentProcess();
                self.Refresh();
                var cpu = self.TotalProcessorTime;
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                for (var pass = 0; pass < Passes; pass++)
                {
                    retention.Apply(root.FullName);
                }

                clock.Stop();
                self.Refresh();
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"| {count:N0} | {(self.TotalProcessorTime - cpu).TotalMilliseconds / Passes:F2} ms | {clock.Elapsed.TotalMilliseconds / Passes:F2} ms | {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / Passes / 1024.0:F0} KiB |"));
            }
            finally
            {
                root.Delete(recursive: true);
            }
        }

        return 0;
    }
}
