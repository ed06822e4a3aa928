using System.Globalization;
using System.Text;

namespace ManageIQ.OpenScap.Images.Benchmarks;

/// <summary>
/// Peak working set of one acquisition process fed a hostile layer (GNU time's maximum RSS). With
/// the default limits every hostile case must be refused under <see cref="TargetMegabytes"/>; with
/// <c>--unguarded</c> the record bombs run once more with MaxHeaderRecordBytes raised to int.MaxValue,
/// which shows what the tar reader alone demands (not part of the verdict).
/// </summary>
internal static class HostileLayerBenchmark
{
    public const string Name = "hostile";
    private const int TargetMegabytes = 256;

    public static int Run(string[] args)
    {
        var runs = new List<(string Case, string Layout, string? Limit)>
        {
            ("benign 2-entry image (baseline)", HostileLayers.Benign(), null),
            ("PAX 'x' record claiming and carrying 2 GB", HostileLayers.RecordBomb('x'), null),
            ("GNU 'L' long name claiming and carrying 2 GB", HostileLayers.RecordBomb('L'), null),
            ($"{HostileLayers.FloodEntries} opaque whiteouts under 4,000-byte paths", HostileLayers.OpaqueWhiteoutFlood(), null),
            ($"{HostileLayers.LinkFloodEntries} symbolic links with 60-byte paths", HostileLayers.SymbolicLinkFlood(), null),
        };
        if (args.Contains("--unguarded"))
        {
            runs.Add(("PAX 'x' record, MaxHeaderRecordBytes raised", HostileLayers.RecordBomb('x'), int.MaxValue.ToString(CultureInfo.InvariantCulture)));
            runs.Add(("GNU 'L' long name, MaxHeaderRecordBytes raised", HostileLayers.RecordBomb('L'), int.MaxValue.ToString(CultureInfo.InvariantCulture)));
        }

        var report = new StringBuilder();
        report.AppendLine("| hostile layer | gzip MB | limits | outcome | peak RSS MB | wall s |");
        report.AppendLine("|---|---|---|---|---|---|");
        var passed = true;
        foreach (var (label, layout, limit) in runs)
        {
            var work = Path.Combine(BenchmarkWorkspace.Directory, "hostile-work");
            string[] command = [.. SelfProcess.Command(), AcquireHostileCommand.Name, layout, work, .. limit is null ? Array.Empty<string>() : [limit]];
            var (measurement, outcome) = TimedCommand.Run(command[0], command[1..]);
            var megabytes = measurement.MaxRssKilobytes / 1024;
            var guarded = limit is null && !label.StartsWith("benign", StringComparison.Ordinal);
            if (guarded && (megabytes >= TargetMegabytes || !outcome.StartsWith("refused", StringComparison.Ordinal)))
            {
                passed = false;
            }

            var row = string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {LayerMegabytes(layout):F1} | {(limit is null ? "defaults" : "MaxHeaderRecordBytes=" + limit)} | {outcome} | {megabytes} | {measurement.Wall:F1} |");
            Console.WriteLine(row);
            report.AppendLine(row);
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"Target: every hostile layer refused under {TargetMegabytes} MB with the default limits: {(passed ? "met" : "MISSED")}.");
        Console.WriteLine(report);
        File.WriteAllText(Path.Combine(BenchmarkWorkspace.Directory, "hostile-results.md"), report.ToString());
        return passed ? 0 : 1;
    }

    private static double LayerMegabytes(string layout) =>
        new DirectoryInfo(Path.Combine(layout, "blobs", "sha256")).EnumerateFiles().Max(f => f.Length) / (1024.0 * 1024);
}
