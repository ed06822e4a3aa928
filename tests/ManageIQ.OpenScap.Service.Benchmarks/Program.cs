using System.Globalization;
using ManageIQ.OpenScap.Service.Benchmarks;

// serve-emulator PROVIDERS IMAGES: the child process (the ManageIQ emulator); otherwise the measured runs.
return args is ["serve-emulator", var providers, var images]
    ? await EmulatorProcess.ServeAsync(int.Parse(providers, CultureInfo.InvariantCulture), int.Parse(images, CultureInfo.InvariantCulture), Console.In, Console.Out)
    : await ServiceCpuBenchmark.RunAsync(args, Console.Out);
