namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>One <c>miq_policy_contents</c> row of a policy: an event, the action run on it, its qualifier and sequence.</summary>
public sealed record PolicyContentRow
{
    public long MiqEventDefinitionId { get; init; }

    public long? MiqActionId { get; init; }

    /// <summary><c>success</c>, <c>failure</c> or <c>both</c>.</summary>
    public string? Qualifier { get; init; }

    public int? SuccessSequence { get; init; }

    public int? FailureSequence { get; init; }

    public bool? SuccessSynchronous { get; init; }

    public bool? FailureSynchronous { get; init; }
}
