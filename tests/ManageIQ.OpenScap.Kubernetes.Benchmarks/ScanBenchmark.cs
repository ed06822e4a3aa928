using System.Diagnostics;
using System.Globalization;
using ManageIQ.OpenScap.Kubernetes.Cleanup;
using ManageIQ.OpenScap.Kubernetes.Connections;
using ManageIQ.OpenScap.Kubernetes.DependencyInjection;
using ManageIQ.OpenScap.Kubernetes.Scanning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Kubernetes.Benchmarks;

/// <summary>
/// N scans (default 2,000) through <see cref="IScanPodOrchestrator"/> with at most C (default 50) at a time, the way
/// the bridge's per-provider limit runs them; then a fault run and an orphan sweep that must leave no pod.
/// </summary>
internal static class ScanBenchmark
{
    private static readonly ProviderRef Provider = new("1", "bench");

    public static async Task<int> RunAsync(string[] args)
    {
        var scans = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var cap = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var faultScans = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 400;
        using var cluster = await FakeClusterClient.StartAsync();
        var work = Directory.CreateTempSubdirectory("miq-k8s-bench-");
        try
        {
            var token = Path.Combine(work.FullName, "token");
            await File.WriteAllTextAsync(token, "bench-token");
            await using var services = Services(cluster.ApiUri, token);
            var orchestrator = services.GetRequiredService<IScanPodOrchestrator>();

            await RunScansAsync(orchestrator, work.FullName, "warm", 100, cap);
            await cluster.SendAsync("reset");
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var fakeCpuBefore = cluster.ProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var run = await RunScansAsync(orchestrator, work.FullName, "run", scans, cap);
            clock.Stop();
            self.Refresh();
            var cpu = self.TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var stats = await cluster.SendAsync("stats");

            Console.WriteLine($"scans: {scans}, concurrency cap: {cap}, succeeded: {run.Succeeded}, failed: {run.Failed}");
            Console.WriteLine($"wall time: {clock.Elapsed.TotalSeconds:F2} s ({scans / clock.Elapsed.TotalSeconds:F1} scans/s)");
            Console.WriteLine($"bridge CPU time: {cpu.TotalSeconds:F2} s = {cpu.TotalMilliseconds / scans:F2} ms per scan (fake cluster process: {(cluster.ProcessorTime - fakeCpuBefore).TotalMilliseconds / scans:F2} ms per scan)");
            Console.WriteLine($"bridge allocations: {allocated / scans / 1024.0:F1} KiB per scan");
            Console.WriteLine($"peak concurrent pods: {stats.PeakPods} (scans in flight peak: {run.PeakInFlight})");
            Console.WriteLine($"API requests: {stats.Requests} = {(double)stats.Requests / scans:F2} per scan [{string.Join(", ", stats.RequestsByKind.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))}]");
            Console.WriteLine($"pods left after the run: {stats.PodsNow}");

            await cluster.SendAsync("faults");
            var faulty = await RunScansAsync(orchestrator, work.FullName, "fault", faultScans, cap);
            await cluster.SendAsync("calm");
            var beforeSweep = await cluster.SendAsync("stats");
            var sweep = await services.GetRequiredService<IOrphanPodSweeper>().SweepAsync(CancellationToken.None);
            var afterSweep = await cluster.SendAsync("stats");
            Console.WriteLine($"fault run: {faultScans} scans, {faulty.Succeeded} succeeded, {faulty.Failed} failed fast; pods left before sweep: {beforeSweep.PodsNow}, sweep deleted {sweep.Deleted}, pods left after sweep: {afterSweep.PodsNow}");

            var ok = stats.PeakPods <= cap && (double)stats.Requests / scans <= 10 && afterSweep.PodsNow == 0 && run.Failed == 0;
            Console.WriteLine(ok ? "targets met" : "TARGETS MISSED");
            return ok ? 0 : 1;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static ServiceProvider Services(Uri api, string tokenFile)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kubernetes:Clusters:0:Name"] = "bench",
            ["Kubernetes:Clusters:0:ProviderId"] = Provider.Id,
            ["Kubernetes:Clusters:0:Mode"] = "Token",
            ["Kubernetes:Clusters:0:ApiUrl"] = api.ToString(),
            ["Kubernetes:Clusters:0:TokenFile"] = tokenFile,
            ["Kubernetes:Pod:ScanTimeout"] = "00:01:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Error));
        services.AddKubernetesScanning(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task<RunResult> RunScansAsync(IScanPodOrchestrator orchestrator, string work, string prefix, int count, int cap)
    {
        var succeeded = 0;
        var failed = 0;
        var inFlight = 0;
        var peak = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = cap }, async (i, ct) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            var output = Path.Combine(work, $"{prefix}-{i}");
            try
            {
                var imageId = "sha256:" + i.ToString("x64", CultureInfo.InvariantCulture);
                await orchestrator.RunScanAsync(new ScanPodRequest($"{prefix}-{i}", Provider, $"registry.example/app:{i}", imageId, output), ct);
                Interlocked.Increment(ref succeeded);
            }
            catch (ScanPodException)
            {
                Interlocked.Increment(ref failed);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
                if (Directory.Exists(output))
                {
                    Directory.Delete(output, recursive: true);
                }
            }
        });
        return new RunResult(succeeded, failed, peak);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed record RunResult(int Succeeded, int Failed, int PeakInFlight);
}
