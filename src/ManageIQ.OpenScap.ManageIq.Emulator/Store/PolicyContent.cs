namespace ManageIQ.OpenScap.ManageIq.Emulator.Store;

/// <summary>One row of <c>miq_policy_contents</c>: an event of a policy and the action run on it.</summary>
public sealed record PolicyContent(long EventId, long ActionId, string Qualifier, int Sequence, bool Synchronous);
