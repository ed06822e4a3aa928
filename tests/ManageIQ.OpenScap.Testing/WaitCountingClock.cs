namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// One loop's view of a shared test clock (a FakeTimeProvider): it passes everything through and counts the timers
/// the loop creates with one due time (its retry wait), so a test knows the loop has finished an iteration and is
/// parked in that wait before it advances the shared clock. That makes loops on a fake clock step deterministically.
/// </summary>
public sealed class WaitCountingClock(TimeProvider shared, TimeSpan wait) : TimeProvider
{
    private int waits;

    /// <summary>How many waits of the counted length the loop has begun.</summary>
    public int Waits => Volatile.Read(ref waits);

    public override long TimestampFrequency => shared.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => shared.LocalTimeZone;

    public override DateTimeOffset GetUtcNow() => shared.GetUtcNow();

    public override long GetTimestamp() => shared.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = shared.CreateTimer(callback, state, dueTime, period);
        if (dueTime == wait)
        {
            Interlocked.Increment(ref waits);
        }

        return timer;
    }

    /// <summary>Waits (on real time, bounded by <paramref name="cancellationToken"/>) until <paramref name="condition"/> holds.</summary>
    public static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        while (!condition())
        {
            await Task.Delay(5, cancellationToken);
        }
    }
}
