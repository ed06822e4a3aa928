using ManageIQ.OpenScap.Kubernetes.Benchmarks;

return args is ["serve-fake", ..] ? await FakeClusterProcess.ServeAsync(Console.In, Console.Out) : await ScanBenchmark.RunAsync(args);
