namespace ManageIQ.OpenScap.Scap;

/// <summary>The XCCDF benchmark a TestResult was evaluated against.</summary>
public sealed record ScapBenchmarkInfo(string Id, string? Version);
