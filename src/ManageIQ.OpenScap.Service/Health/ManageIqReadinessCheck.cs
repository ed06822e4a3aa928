namespace ManageIQ.OpenScap.Service.Health;

/// <summary>Ready once a listing got ManageIQ's answer, and while the last one did.</summary>
public sealed class ManageIqReadinessCheck(ManageIqReachability reachability) : IReadinessCheck
{
    public string Name => "manageiq";

    public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(reachability.Failure is { } failure ? ReadinessResult.Fail(failure) : ReadinessResult.Pass);
}
