namespace ManageIQ.OpenScap.State.Outbox;

/// <summary>One outbox pass: each delivery made, and how many due results it left because ManageIQ was unreachable.</summary>
public sealed record DeliveryReport(IReadOnlyList<DeliveryOutcome> Outcomes, int Left)
{
    public int Delivered => Outcomes.Count(o => o.Status == DeliveryStatus.Delivered);

    public bool StoppedUnreachable => Outcomes.Count > 0 && Outcomes[^1].Status == DeliveryStatus.Unreachable;
}
