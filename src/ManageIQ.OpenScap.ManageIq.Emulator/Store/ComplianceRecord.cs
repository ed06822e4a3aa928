namespace ManageIQ.OpenScap.ManageIq.Emulator.Store;

/// <summary>A <c>Compliance</c> row: one check of a container image, with a detail per policy and condition evaluated.</summary>
public sealed record ComplianceRecord(long ImageId, bool Compliant, string EventType, DateTimeOffset Timestamp, IReadOnlyList<ComplianceDetail> Details);
