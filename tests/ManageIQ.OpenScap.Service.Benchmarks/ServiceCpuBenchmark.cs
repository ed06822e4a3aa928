using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scap;
using ManageIQ.OpenScap.Service.Dispatch;
using ManageIQ.OpenScap.Service.Hosting;
using ManageIQ.OpenScap.State.Queue;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ManageIQ.OpenScap.Service.Benchmarks;

/// <summary>
/// The CPU target of <c>bridge serve</c>: under 100 ms of the service's own CPU per image, outside the scan. Each run
/// starts a fresh emulator process seeded with N images (distinct digests) on P providers and a fresh service host
/// (<see cref="BridgeServiceHost"/>, default settings, console logs at Information written to a file) in this
/// process with <see cref="StubScanBackend"/>; it measures this process's CPU time from just before the host is built
/// until the emulator holds <c>openscap_status</c> for all N images. The first run pays the JIT; later runs reuse
/// this process, as a long-running service does.
/// </summary>
internal static class ServiceCpuBenchmark
{
    private const double TargetMsPerImage = 100;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var images = Option(args, "--images", 1000);
        var providers = Option(args, "--providers", 4);
        var runs = Option(args, "--runs", 3);
        var timeout = TimeSpan.FromSeconds(Option(args, "--timeout", 600));
        var keep = args.Contains("--keep");
        var logLevel = TextOption(args, "--log-level", "Information");

        // The service's console logs go to a file per run; this report keeps the real standard output.
        var console = Console.Out;
        var work = Directory.CreateTempSubdirectory("miq-serve-bench-");
        try
        {
            var stored = StoredReport.Write(Path.Combine(work.FullName, "stored"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"bridge serve CPU per image: {images:N0} images (distinct digests) on {providers} providers, {runs} runs; {Environment.ProcessorCount} processors, {(GCSettings.IsServerGC ? "server" : "workstation")} GC; service logs at {logLevel}"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"stored report: {stored.Report.Summary!.FailedRules.Count} failed rules, {stored.Report.Summary.Cves.Count} CVEs, summary.json {stored.SummaryBytes / 1024.0:F1} KiB; ARF path {stored.Report.Artifacts.Arf} (not an ARF)"));
            await output.WriteLineAsync($"load average before: {LoadAverage()}");
            await output.FlushAsync();
            var results = new List<RunResult>();
            for (var run = 1; run <= runs; run++)
            {
                var result = await RunOnceAsync(run, images, providers, logLevel, stored, Path.Combine(work.FullName, "run-" + run.ToString(CultureInfo.InvariantCulture)), timeout, console);
                results.Add(result);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"run {run}: {result.CpuMs / images:F2} ms CPU per image, wall {result.Wall.TotalSeconds:F2} s, {result.Emulator.Requests:N0} requests, load {result.LoadAfter}"));
                await output.FlushAsync();
            }

            await WriteTableAsync(output, results, images);
            var last = results[^1];
            await output.WriteLineAsync();
            await output.WriteLineAsync($"Requests the emulator saw in run {last.Run} (authentication included):");
            foreach (var (kind, count) in last.Emulator.RequestsByKind)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {count,6:N0}  {kind}"));
            }

            await output.WriteLineAsync($"openscap_status values (run {last.Run}): {string.Join(", ", last.Emulator.Statuses.Select(s => $"{s.Key} {s.Value}"))}; openscap_ attributes per image: {last.Emulator.MinAttributes} to {last.Emulator.MaxAttributes}");
            await output.WriteLineAsync($"load average after: {LoadAverage()}");

            var failures = results.SelectMany(r => r.Problems(images)).ToList();
            foreach (var failure in failures)
            {
                await output.WriteLineAsync("PROBLEM: " + failure);
            }

            var met = failures.Count == 0 && results.All(r => r.CpuMs / images < TargetMsPerImage);
            await output.WriteLineAsync(met
                ? string.Create(CultureInfo.InvariantCulture, $"target met: under {TargetMsPerImage:F0} ms of service CPU per image in every run, no ARF parsed")
                : "TARGET MISSED");
            if (keep)
            {
                await output.WriteLineAsync($"kept: {work.FullName}");
            }

            return met ? 0 : 1;
        }
        catch
        {
            keep = true;
            await output.WriteLineAsync($"failed; the runs' files (service.log) are kept in {work.FullName}");
            throw;
        }
        finally
        {
            if (!keep)
            {
                work.Delete(recursive: true);
            }
        }
    }

    private static async Task<RunResult> RunOnceAsync(int run, int images, int providers, string logLevel, StoredReport stored, string directory, TimeSpan timeout, TextWriter console)
    {
        Directory.CreateDirectory(directory);
        using var emulator = await EmulatorProcessClient.StartAsync(providers, images);
        var backend = new BackendCounter();
        var reader = new CountingResultReader();
        var overrides = new Dictionary<string, string?>
        {
            ["ManageIq:BaseUrl"] = emulator.BaseUri.AbsoluteUri,
            ["ManageIq:User"] = "admin",
            ["ManageIq:Password"] = "smartvm",
            ["Bridge:StateDirectory"] = Path.Combine(directory, "state"),
            ["Bridge:Backend"] = ScanBackendNames.Local,
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
            // Nothing outside this machine: no CVE feed is fetched (the stored report names its feed).
            ["CveFeeds:Policy"] = "Disabled",
            ["CveFeeds:CacheDirectory"] = Path.Combine(directory, "feeds"),
            ["Logging:LogLevel:Default"] = logLevel,
        };

        var logPath = Path.Combine(directory, "service.log");
        var log = new StreamWriter(logPath) { AutoFlush = false };
        Console.SetOut(log);
        WebApplication? app = null;
        try
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var self = Process.GetCurrentProcess();
            var emulatorCpuBefore = emulator.ProcessorTime;
            var before = Snapshot.Take(self);
            var clock = Stopwatch.StartNew();

            var builder = BridgeServiceHost.CreateBuilder(null, overrides, (services, _) =>
            {
                services.RemoveAll<IScanBackend>();
                services.AddSingleton<IScanBackend>(new StubScanBackend(stored, backend));
                services.RemoveAll<IScapResultReader>();
                services.AddSingleton<IScapResultReader>(reader);
            });
            app = BridgeServiceHost.Build(builder);
            await app.StartAsync();
            await app.Services.GetRequiredService<BridgeServiceRunner>().Started.WaitAsync(timeout);
            var started = Snapshot.Take(self);
            var startedWall = clock.Elapsed;

            var done = await emulator.WaitForResultsAsync(images, timeout);
            var finished = Snapshot.Take(self);
            var wall = clock.Elapsed;
            var emulatorCpu = emulator.ProcessorTime - emulatorCpuBefore;

            // Outside the measurement: the queue's last moves, then the stop.
            var queue = app.Services.GetRequiredService<IScanQueue>();
            var dispatcher = app.Services.GetRequiredService<ScanDispatcher>();
            var settle = Stopwatch.StartNew();
            IReadOnlyList<QueuedScan> doneScans;
            while ((doneScans = await queue.ListAsync(ScanState.Done, images + 1)).Count < images && settle.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }

            var queuedAfter = (await queue.ListAsync(ScanState.Queued, images + 1)).Count;
            var failedAfter = (await queue.ListAsync(ScanState.Failed, images + 1)).Count;
            var runningAfter = dispatcher.Running;
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
            SqliteConnection.ClearAllPools();
            var final = await emulator.StatsAsync();
            await log.FlushAsync();
            var logLines = File.ReadLines(logPath).Count();

            return new RunResult(run, done, final, started - before, finished - before, startedWall, wall, emulatorCpu, backend.Scans, backend.DistinctDigests, reader.Calls, doneScans.Count, queuedAfter, failedAfter, runningAfter, logLines, LoadAverage());
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            Console.SetOut(console);
            await log.DisposeAsync();
        }
    }

    private static async Task WriteTableAsync(TextWriter output, List<RunResult> results, int images)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync("| run | images | service CPU | CPU per image | of which start-up | wall | images/s | requests (per image) | allocated per image | GCs gen0/1/2 | GC pause | emulator CPU per image | ARF parses | load after |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var d = r.ToDone;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Run}{(r.Run == 1 ? " (cold)" : string.Empty)} | {r.Emulator.ImagesWithResults:N0} | {r.CpuMs:N0} ms | **{r.CpuMs / images:F2} ms** | {r.ToStarted.Cpu.TotalMilliseconds:N0} ms | {r.Wall.TotalSeconds:F2} s | {images / r.Wall.TotalSeconds:F1} | {r.Emulator.Requests:N0} ({(double)r.Emulator.Requests / images:F2}) | {d.Allocated / (double)images / 1024:F0} KiB | {d.Gen0}/{d.Gen1}/{d.Gen2} | {d.Pause.TotalMilliseconds:N0} ms | {r.EmulatorCpu.TotalMilliseconds / images:F2} ms | {r.ArfParses} | {r.LoadAfter} |"));
        }

        await output.WriteLineAsync();
        foreach (var r in results)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"run {r.Run}: start-up (host built and started, gates open) {r.StartedWall.TotalSeconds:F2} s wall; backend scans {r.BackendScans:N0} ({r.DistinctDigests:N0} digests); queue after: {r.DoneScans:N0} done, {r.QueuedAfter} queued, {r.FailedAfter} failed, {r.RunningAfter} running; {r.LogLines:N0} log lines; requests at the stop {r.Final.Requests:N0}"));
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string TextOption(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    /// <summary>This process's CPU time, allocations and collections at one moment.</summary>
    private sealed record Snapshot(TimeSpan Cpu, long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan Pause)
    {
        public static Snapshot Take(Process self)
        {
            self.Refresh();
            return new Snapshot(self.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        }

        public static Snapshot operator -(Snapshot a, Snapshot b) =>
            new(a.Cpu - b.Cpu, a.Allocated - b.Allocated, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Pause - b.Pause);
    }

    private sealed record RunResult(
        int Run,
        EmulatorStats Emulator,
        EmulatorStats Final,
        Snapshot ToStarted,
        Snapshot ToDone,
        TimeSpan StartedWall,
        TimeSpan Wall,
        TimeSpan EmulatorCpu,
        int BackendScans,
        int DistinctDigests,
        int ArfParses,
        int DoneScans,
        int QueuedAfter,
        int FailedAfter,
        int RunningAfter,
        int LogLines,
        string LoadAfter)
    {
        public double CpuMs => ToDone.Cpu.TotalMilliseconds;

        public IEnumerable<string> Problems(int images)
        {
            if (Emulator.TimedOut || Emulator.ImagesWithResults != images)
            {
                yield return $"run {Run}: {Emulator.ImagesWithResults} of {images} images have results";
            }

            if (ArfParses != 0)
            {
                yield return $"run {Run}: the service asked the SCAP reader {ArfParses} times";
            }

            if (BackendScans != images || DistinctDigests != images)
            {
                yield return $"run {Run}: {BackendScans} scans of {DistinctDigests} digests, not {images} of {images}";
            }

            if (Emulator.Statuses.ContainsKey("error"))
            {
                yield return $"run {Run}: {Emulator.Statuses["error"]} images got openscap_status error";
            }

            if (DoneScans != images)
            {
                yield return $"run {Run}: {DoneScans} scans done in the queue, not {images}";
            }
        }
    }
}
