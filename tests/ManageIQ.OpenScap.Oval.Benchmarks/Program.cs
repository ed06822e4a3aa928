using ManageIQ.OpenScap.Oval.Benchmarks;

return await FeedSlimmingBenchmark.RunAsync(args);
