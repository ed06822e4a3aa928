namespace ManageIQ.OpenScap.ManageIq.Emulator.Store;

/// <summary>A <c>ComplianceDetail</c> row: a policy's result and, when it has conditions, one condition's.</summary>
public sealed record ComplianceDetail(long PolicyId, string? PolicyDescription, bool PolicyResult, long? ConditionId, string? ConditionDescription, bool? ConditionResult);
