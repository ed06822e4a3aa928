namespace ManageIQ.OpenScap.Oval.Benchmarks;

/// <summary>One process's wall time and peak resident set, as GNU time -v reports them.</summary>
internal sealed record Measurement(double Seconds, double PeakMegabytes);
