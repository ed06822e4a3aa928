namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>
/// The project's one retry delay: capped exponential backoff with jitter, between half and all of
/// base x 2^(attempt-1). The client uses it between attempts of one call; the outbox between delivery passes.
/// </summary>
public static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }
}
