namespace ManageIQ.OpenScap.Contracts.Leadership;

/// <summary>One try of a guard: the lease when it was taken, else who holds it (null when that is not known).</summary>
public readonly record struct AcquireAttempt(IActiveLease? Lease, string? Holder)
{
    public static AcquireAttempt Acquired(IActiveLease lease) => new(lease, null);

    public static AcquireAttempt HeldBy(string? holder) => new(null, holder);
}
