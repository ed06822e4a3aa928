using System.Diagnostics;

namespace ManageIQ.OpenScap.Images;

/// <summary>Measures parallel downloads: from the start to the last layer that finished.</summary>
internal sealed class PullClock
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _lastFinishTicks;

    public TimeSpan LastFinish => TimeSpan.FromTicks(Interlocked.Read(ref _lastFinishTicks));

    public void MarkFinished()
    {
        var elapsed = Stopwatch.GetElapsedTime(_started).Ticks;
        long current;
        do
        {
            current = Interlocked.Read(ref _lastFinishTicks);
        }
        while (elapsed > current && Interlocked.CompareExchange(ref _lastFinishTicks, elapsed, current) != current);
    }
}
