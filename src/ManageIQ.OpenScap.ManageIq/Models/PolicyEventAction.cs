namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>An action of a policy event with its qualifier: <c>success</c>, <c>failure</c> or <c>both</c>.</summary>
public sealed record PolicyEventAction(long ActionId, string Qualifier = PolicyEventAction.Failure, bool Synchronous = true)
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Both = "both";
}
