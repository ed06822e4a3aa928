namespace ManageIQ.OpenScap.ManageIq.Emulator.Store;

/// <summary>A <c>scan</c> or <c>check_compliance</c> the emulator accepted for a container image.</summary>
public sealed record RecordedImageAction(string Action, long ImageId, long TaskId, DateTimeOffset At);
