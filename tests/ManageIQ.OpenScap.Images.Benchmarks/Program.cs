using BenchmarkDotNet.Running;
using ManageIQ.OpenScap.Images.Benchmarks;

// Usage (see docs/image-acquisition.md):
//   dotnet run -c Release --project tests/ManageIQ.OpenScap.Images.Benchmarks -- [--work DIR] [--runs N] [--bdn]
// Builds (once, cached in DIR) a Debian bookworm minbase root with mmdebstrap, pushes it to a loopback
// docker-registry, and compares pull + unpack: this library against skopeo copy + umoci unpack.
if (args.Length > 0 && args[0] == AcquireCommand.Name)
{
    return await AcquireCommand.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == AcquireHostileCommand.Name)
{
    return await AcquireHostileCommand.RunAsync(args[1..]);
}

// dotnet run … -- hostile [--work DIR] [--unguarded]: peak memory of one process fed each hostile layer (docs/security-hardening.md).
if (args.Length > 0 && args[0] == HostileLayerBenchmark.Name)
{
    BenchmarkWorkspace.SetDirectory(args);
    return HostileLayerBenchmark.Run(args[1..]);
}

BenchmarkWorkspace.Prepare(args);
if (args.Contains("--bdn"))
{
    BenchmarkRunner.Run<PullAndUnpackBenchmarks>();
    return 0;
}

return await SideBySide.RunAsync(args);
