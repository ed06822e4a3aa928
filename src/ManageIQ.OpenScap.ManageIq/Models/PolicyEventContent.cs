namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>One <c>policy_contents</c> entry: an event and the actions run on it, in order.</summary>
public sealed record PolicyEventContent(long EventId, IReadOnlyList<PolicyEventAction> Actions);
