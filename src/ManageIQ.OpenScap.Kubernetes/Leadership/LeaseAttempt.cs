namespace ManageIQ.OpenScap.Kubernetes.Leadership;

/// <summary>
/// The outcome of one try. <see cref="StartedAt"/> is when the try began, on this replica's clock: a hold written then
/// is safe until <c>StartedAt + RenewDeadline</c>, whenever the answer arrived.
/// </summary>
internal readonly record struct LeaseAttempt(LeaseAttemptKind Kind, DateTimeOffset StartedAt, string? Holder = null, string? Reason = null);
