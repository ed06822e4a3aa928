using ManageIQ.OpenScap.Contracts.Leadership;

namespace ManageIQ.OpenScap.Service.Health;

/// <summary>Ready while this replica holds the single-active guard: a standby answers 503, so no traffic is sent to it.</summary>
public sealed class ActiveLeaseReadinessCheck(IActiveGuard guard) : IReadinessCheck
{
    public string Name => "lease";

    public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(
            guard.IsHeld ? ReadinessResult.Pass
            : guard.Holder is { } holder ? ReadinessResult.Fail($"{guard.Identity} waits for the single-active guard, held by {holder}")
            : ReadinessResult.Fail($"{guard.Identity} waits for the single-active guard"));
}
