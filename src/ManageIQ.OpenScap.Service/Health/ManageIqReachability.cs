namespace ManageIQ.OpenScap.Service.Health;

/// <summary>Whether the last call to ManageIQ that decides readiness (a listing) got ManageIQ's answer.</summary>
public sealed class ManageIqReachability
{
    private volatile string? _failure = "ManageIQ has not been reached yet";

    public bool IsReached => _failure is null;

    public string? Failure => _failure;

    public void Reached() => _failure = null;

    public void Failed(string reason) => _failure = reason;
}
