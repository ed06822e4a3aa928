namespace ManageIQ.OpenScap.Images.Benchmarks;

/// <summary>What GNU time reported for one command: wall, user and system seconds, peak RSS.</summary>
internal sealed record Measurement(double Wall, double User, double System, long MaxRssKilobytes)
{
    public double Cpu => User + System;

    public static Measurement operator +(Measurement a, Measurement b) =>
        new(a.Wall + b.Wall, a.User + b.User, a.System + b.System, Math.Max(a.MaxRssKilobytes, b.MaxRssKilobytes));

    public static Measurement Add(Measurement a, Measurement b) => a + b;
}
