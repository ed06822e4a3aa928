using System.Globalization;
using System.Text;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Benchmarks;

/// <summary>
/// Interleaved runs (peer, library, peer, library, …) of pull + unpack of the same image from the
/// same loopback registry, each command a process measured by GNU time: on a shared 2-core machine
/// interleaving keeps load changes from favouring either side, and CPU time is reported beside wall time.
/// Every run unpacks into a directory of its own, all deleted only at the end, and each side starts
/// after a <c>sync</c>: on an ext4 file system without a journal (this machine's) the inode
/// allocator skips, one lookup each, every free inode whose inode-table block is still dirty, so
/// creating files soon after deleting a large tree, before writeback, costs several times more,
/// for whichever side comes next.
/// </summary>
internal static class SideBySide
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runsIndex = Array.IndexOf(args, "--runs");
        var runs = runsIndex >= 0 ? int.Parse(args[runsIndex + 1], CultureInfo.InvariantCulture) : 5;
        var iterations = Path.Combine(BenchmarkWorkspace.Directory, "iteration");
        if (Directory.Exists(iterations))
        {
            Directory.Delete(iterations, recursive: true);
        }

        await using var registry = await LoopbackRegistry.StartAsync();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"| image | tool | median wall s | median CPU s (user+sys) | peak RSS MB | runs |");
        report.AppendLine("|---|---|---|---|---|---|");
        foreach (var variant in new[] { "1-layer", "3-layers" })
        {
            var image = new TestImage();
            foreach (var file in BenchmarkWorkspace.LayerFiles(variant))
            {
                image.Layer(BuiltLayer.FromGzipFile(file));
            }

            var built = image.Build();
            await registry.PushAsync("bench/debian", variant, built);
            var reference = $"{registry.Host}/bench/debian:{variant}";
            Console.WriteLine($"{variant}: {built.Layers.Count} layers, {built.Layers.Sum(l => l.Size)} compressed bytes");
            var peer = new List<Measurement>();
            var library = new List<Measurement>();
            var details = new List<string>();
            for (var run = 0; run <= runs; run++)
            {
                var directory = Path.Combine(iterations, $"{variant}-{run}");
                Directory.CreateDirectory(directory);
                Shell.Run("sync");
                var (copy, _) = TimedCommand.Run("skopeo", "copy", "--quiet", "--src-tls-verify=false", "docker://" + reference, $"oci:{directory}/layout:12");
                var (unpack, _) = TimedCommand.Run("umoci", "unpack", "--rootless", "--image", $"{directory}/layout:12", Path.Combine(directory, "bundle"));
                Shell.Run("sync");
                var (acquire, output) = TimedCommand.Run(SelfProcess.Command()[0], [.. SelfProcess.Command()[1..], AcquireCommand.Name, reference, Path.Combine(directory, "work"), registry.Host]);
                var label = run == 0 ? "warm-up" : $"run {run}";
                Console.WriteLine($"  {label}: skopeo {copy.Wall:F2}s + umoci {unpack.Wall:F2}s = {copy.Wall + unpack.Wall:F2}s (CPU {copy.Cpu + unpack.Cpu:F2}s) | library {acquire.Wall:F2}s (CPU {acquire.Cpu:F2}s) [{output}]");
                if (run > 0)
                {
                    peer.Add(copy + unpack);
                    library.Add(acquire);
                    details.Add(output);
                }
            }

            report.AppendLine(Row(variant, "skopeo copy + umoci unpack --rootless", peer));
            report.AppendLine(Row(variant, "ImageAcquirer (this library)", library));
        }

        Directory.Delete(iterations, recursive: true);
        Console.WriteLine();
        Console.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(BenchmarkWorkspace.Directory, "results.md"), report.ToString());
        return 0;
    }

    private static string Row(string variant, string tool, List<Measurement> measurements) => string.Create(CultureInfo.InvariantCulture,
        $"| {variant} | {tool} | {Median(measurements.Select(m => m.Wall)):F2} | {Median(measurements.Select(m => m.Cpu)):F2} | {measurements.Max(m => m.MaxRssKilobytes) / 1024} | {measurements.Count} |");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
