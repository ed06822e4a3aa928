namespace ManageIQ.OpenScap.State.Database;

/// <summary>The database's time format: UTC ticks, exact and ordered as integers.</summary>
internal static class UtcTicks
{
    public static long From(DateTimeOffset time) => time.UtcTicks;

    public static DateTimeOffset ToTime(long ticks) => new(ticks, TimeSpan.Zero);
}
