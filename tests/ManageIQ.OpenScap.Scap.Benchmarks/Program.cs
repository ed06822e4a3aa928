using ManageIQ.OpenScap.Scap.Benchmarks;

return await BenchmarkProgram.RunAsync(args);
