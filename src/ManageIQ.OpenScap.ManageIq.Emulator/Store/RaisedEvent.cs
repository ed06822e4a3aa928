namespace ManageIQ.OpenScap.ManageIq.Emulator.Store;

/// <summary>A policy event the emulator raised on a target, e.g. <c>containerimage_compliance_failed</c> on an image.</summary>
public sealed record RaisedEvent(string EventName, string TargetClass, long TargetId, DateTimeOffset At);
