using System.Globalization;
using ManageIQ.OpenScap.Service.Benchmarks;

// serve-emulator PROVIDERS IMAGES: the child process (the ManageIQ emulator); retention COUNT...: the cost of one
// results-retention pass; otherwise the measured runs.
return args switch
{
    ["serve-emulator", var providers, var images] => await EmulatorProcess.ServeAsync(int.Parse(providers, CultureInfo.InvariantCulture), int.Parse(images, CultureInfo.InvariantCulture), Console.In, Console.Out),
    ["retention", .. var counts] => await RetentionProbe.RunAsync(counts.Select(c => int.Parse(c, CultureInfo.InvariantCulture)), Console.Out),
    _ => await ServiceCpuBenchmark.RunAsync(args, Console.Out),
};
