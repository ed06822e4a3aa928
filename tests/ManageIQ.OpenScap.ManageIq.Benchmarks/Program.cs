using BenchmarkDotNet.Running;
using ManageIQ.OpenScap.ManageIq.Benchmarks;

// --measure: one counted pass (requests, wall time, bytes); otherwise BenchmarkDotNet.
if (args.Contains("--measure"))
{
    return await MeasuredRun.RunAsync(Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(ImageListingBenchmarks).Assembly).Run(args);
return 0;
