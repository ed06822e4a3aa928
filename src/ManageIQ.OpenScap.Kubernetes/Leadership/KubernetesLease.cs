using ManageIQ.OpenScap.Contracts.Leadership;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Kubernetes.Leadership;

/// <summary>
/// A held Lease, renewed every <c>RetryPeriod</c>. <see cref="ActiveLease.Lost"/> fires at once when a renewal
/// finds another holder, or when <c>RenewDeadline</c> passes since the start of the last successful renewal, even
/// with a call still in flight: the holder stops before any other replica may take over (<c>LeaseDuration</c>).
/// </summary>
internal sealed class KubernetesLease : ActiveLease
{
    private readonly LeaseElection election;
    private readonly LeadershipOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private string? lossReason;

    public KubernetesLease(LeaseElection election, DateTimeOffset renewStartedAt, LeadershipOptions options, TimeProvider time, ILogger logger)
        : base(election.Identity, election.Target.ToString(), time)
    {
        this.election = election;
        this.options = options;
        this.time = time;
        this.logger = logger;
        Lost.Register(OnLost);
        Renewed(renewStartedAt);
        Keep(RenewAsync);
    }

    protected override async ValueTask ReleaseAsync(bool wasHeld)
    {
        try
        {
            // Also after a loss to the deadline: the Lease may still name this replica, and a successor need not wait.
            if (await election.ReleaseAsync(CancellationToken.None).ConfigureAwait(false))
            {
                Log.LeaseReleased(logger, Resource, HolderIdentity);
            }
        }
        catch (Exception ex)
        {
            Log.LeaseReleaseFailed(logger, Resource, HolderIdentity, options.LeaseDuration, ex);
        }
    }

    private async Task RenewAsync(CancellationToken ending)
    {
        var failures = 0;
        while (!ending.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.RetryPeriod, time, ending).ConfigureAwait(false);
                var attempt = await election.TryAsync(holding: true, ending).ConfigureAwait(false);
                failures = 0;
                switch (attempt.Kind)
                {
                    case LeaseAttemptKind.Held:
                        Renewed(attempt.StartedAt);
                        break;
                    case LeaseAttemptKind.Conflict:
                        Log.LeaseConflict(logger, Resource);
                        break;
                    default:
                        lossReason = attempt.Reason;
                        Lose();
                        return;
                }
            }
            catch (OperationCanceledException) when (ending.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The deadline, not the failure count, decides the loss: Lost fires on its own when it passes.
                ++failures;
                Log.LeaseTryFailed(logger, failures == 1 ? LogLevel.Warning : LogLevel.Debug, Resource, failures, options.RetryPeriod, ex);
            }
        }
    }

    private void Renewed(DateTimeOffset startedAt) => LoseAfter(startedAt + options.RenewDeadline - time.GetUtcNow());

    private void OnLost()
    {
        if (!IsReleased)
        {
            Log.LeaseLost(logger, Resource, HolderIdentity, lossReason ?? $"not renewed within {options.RenewDeadline} (Bridge:Leadership:RenewDeadline)");
        }
    }
}
