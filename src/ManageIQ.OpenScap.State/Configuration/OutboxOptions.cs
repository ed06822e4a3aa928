namespace ManageIQ.OpenScap.State.Configuration;

/// <summary>
/// When a result that could not be posted is tried again (<c>Bridge:Outbox</c>). The wait after the n-th failed
/// delivery follows the project's one backoff (jittered, doubling from <see cref="RetryBaseDelay"/> up to
/// <see cref="RetryMaxDelay"/>); the ManageIQ client's own retries within one delivery come first.
/// </summary>
public sealed class OutboxOptions
{
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The most entries one delivery pass takes from the outbox.</summary>
    public int MaxEntriesPerPass { get; set; } = 500;
}
