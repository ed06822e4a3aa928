using System.Diagnostics;

namespace ManageIQ.OpenScap.ManageIq.Benchmarks;

/// <summary>
/// One measured pass of both approaches on one emulator: requests the emulator served, wall time and bytes
/// allocated (process-wide, so the emulator's share is included).
/// </summary>
public static class MeasuredRun
{
    public static async Task<int> RunAsync(TextWriter output)
    {
        await using var fixture = new ListingFixture();
        await fixture.StartAsync();
        await fixture.Client.GetContainerImageAsync(1);
        await output.WriteLineAsync($"Emulator seeded with {ListingFixture.Images:N0} images of {ListingFixture.Providers} providers.");
        await output.WriteLineAsync("| Approach | Images | Requests | Wall time | Allocated |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|");
        await MeasureAsync(fixture, "Paged listing (first, emulator cold)", fixture.ListPagedAsync, output);
        var paged = await MeasureAsync(fixture, "Paged listing", fixture.ListPagedAsync, output);
        await MeasureAsync(fixture, "GET per image (first, emulator cold)", fixture.GetEachImageAsync, output);
        var each = await MeasureAsync(fixture, "GET per image", fixture.GetEachImageAsync, output);
        await output.WriteLineAsync($"Speed-up of the paged listing (warm emulator, both): {each.TotalMilliseconds / paged.TotalMilliseconds:F1}x");
        return 0;
    }

    private static async Task<TimeSpan> MeasureAsync(ListingFixture fixture, string name, Func<Task<int>> run, TextWriter output)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var requestsBefore = fixture.Emulator.Requests.Count;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var count = await run();
        watch.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        var requests = fixture.Emulator.Requests.Count - requestsBefore;
        await output.WriteLineAsync($"| {name} | {count:N0} | {requests:N0} | {watch.Elapsed.TotalMilliseconds:N0} ms | {bytes / 1024.0 / 1024.0:N1} MiB |");
        return watch.Elapsed;
    }
}
