using System.Diagnostics;
using ManageIQ.OpenScap.ManageIq.Emulator.Faults;

namespace ManageIQ.OpenScap.ManageIq.Benchmarks;

/// <summary>
/// One measured pass of both approaches on one emulator: requests the emulator served, wall time and bytes
/// allocated (process-wide, so the emulator's share is included).
/// </summary>
public static class MeasuredRun
{
    private static readonly TimeSpan PageDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ConsumerTime = TimeSpan.FromMilliseconds(50);
    private const int WarmUpListings = 3;

    public static async Task<int> RunAsync(TextWriter output)
    {
        await using var fixture = new ListingFixture();
        await fixture.StartAsync();
        await fixture.Client.GetContainerImageAsync(1);
        await output.WriteLineAsync($"Emulator seeded with {ListingFixture.Images:N0} images of {ListingFixture.Providers} providers.");
        await output.WriteLineAsync("| Approach | Images | Requests | Wall time | Allocated |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|");
        await MeasureAsync(fixture, "Paged listing (first, emulator cold)", fixture.ListPagedAsync, output);
        await MeasureAsync(fixture, "GET per image (first, emulator cold)", fixture.GetEachImageAsync, output);

        // Both warm passes come after both cold ones: the cold per-image pass also warms the JSON reader the
        // listing shares (50,000 calls), and the listing gets a few more passes so the JIT has settled too.
        for (var pass = 0; pass < WarmUpListings; pass++)
        {
            await fixture.ListPagedAsync();
        }

        var paged = await MeasureAsync(fixture, "Paged listing", fixture.ListPagedAsync, output);
        var each = await MeasureAsync(fixture, "GET per image", fixture.GetEachImageAsync, output);
        await output.WriteLineAsync($"Speed-up of the paged listing (warm emulator, both): {each.TotalMilliseconds / paged.TotalMilliseconds:F1}x");
        await SlowApplianceAsync(fixture, output);
        return 0;
    }

    /// <summary>
    /// The read-ahead against a slow appliance: the emulator holds every page <see cref="PageDelay"/> before
    /// answering, and the consumer spends nothing or <see cref="ConsumerTime"/> on each page of 1000.
    /// </summary>
    private static async Task SlowApplianceAsync(ListingFixture fixture, TextWriter output)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Slow appliance: every page held {PageDelay.TotalMilliseconds:N0} ms by the emulator.");
        await output.WriteLineAsync("| Approach | Images | Requests | Wall time | Allocated |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|");
        foreach (var consumer in (TimeSpan[])[TimeSpan.Zero, ConsumerTime])
        {
            foreach (var (name, client) in new[] { ("read-ahead", fixture.Client), ("one page at a time", fixture.SequentialClient) })
            {
                fixture.Emulator.Faults.Add(new FaultRule(FaultKind.Delay, "GET", "/api/container_images", Times: 50) { Delay = PageDelay });
                await MeasureAsync(fixture, $"Paged listing, {name}, consumer {consumer.TotalMilliseconds:N0} ms per page", () => ListingFixture.ListSlowlyAsync(client, consumer), output);
                fixture.Emulator.Faults.Clear();
            }
        }
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
