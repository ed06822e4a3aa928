using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ManageIQ.OpenScap.ManageIq.Benchmarks;

/// <summary>
/// Listing 50,000 images: the client's paged listing against one GET per image, in the same run.
/// One invocation per iteration (each is a whole listing); allocations include the in-process emulator's.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ImageListingBenchmarks : IDisposable
{
    private ListingFixture _fixture = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new ListingFixture();
        _fixture.StartAsync().GetAwaiter().GetResult();
        _ = _fixture.ListPagedAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "GET per image (50,000 requests)")]
    public Task<int> GetEachImage() => _fixture.GetEachImageAsync();

    [Benchmark(Description = "Paged listing (50 requests)")]
    public Task<int> PagedListing() => _fixture.ListPagedAsync();

    [GlobalCleanup]
    public void Dispose()
    {
        _fixture.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // In-process: the emulator lives in the benchmark's process anyway, and a generated project
            // would be rebuilt on a 2-core machine shared with the rest of the build.
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithId("Monitoring-3"));
        }
    }
}
