using BenchmarkDotNet.Running;
using ManageIQ.OpenScap.Images.Benchmarks;

// Usage: dotnet run -c Release --project tests/ManageIQ.OpenScap.Images.Benchmarks [-- --work DIR]
// Builds (once, cached in DIR) a Debian bookworm minbase root with mmdebstrap, then compares
// pull + unpack from a loopback docker-registry: this library against skopeo copy + umoci unpack.
BenchmarkWorkspace.Prepare(args);
BenchmarkRunner.Run<PullAndUnpackBenchmarks>();
