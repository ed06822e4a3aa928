namespace ManageIQ.OpenScap.Service.Discovery;

/// <summary>What one discovery or full-scan pass did.</summary>
public sealed record DiscoveryReport(int Providers, int Images, int Queued, int Skipped, int Excluded, int Dropped);
