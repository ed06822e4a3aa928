namespace ManageIQ.OpenScap.Service.Configuration;

/// <summary>
/// <c>Bridge:BackPressure</c>: while ManageIQ does not take results, scanning goes on into the outbox until
/// <see cref="MaxWaiting"/> results wait, then pauses; the outbox is delivered every <see cref="DeliveryInterval"/>.
/// </summary>
public sealed class BackPressureOptions
{
    public int MaxWaiting { get; set; } = 1000;

    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the dispatcher waits before looking at the queue again when nothing fits.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
