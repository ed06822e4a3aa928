namespace ManageIQ.OpenScap.Kubernetes.Benchmarks;

/// <summary>What the fake cluster counted.</summary>
internal sealed record FakeClusterStats(int Requests, IReadOnlyDictionary<string, int> RequestsByKind, int PeakPods, int PodsNow);
