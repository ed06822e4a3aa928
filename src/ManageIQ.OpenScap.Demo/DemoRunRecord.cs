namespace ManageIQ.OpenScap.Demo;

/// <summary>One earlier run: when, how long, how many images it scanned.</summary>
public sealed record DemoRunRecord(DateTimeOffset StartedOn, double Seconds, int Scanned, int Images);
