using ManageIQ.OpenScap.Contracts.Leadership;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Kubernetes.Leadership;

/// <summary>
/// The single-active guard in a cluster: a <c>coordination.k8s.io/v1</c> Lease. A waiting replica reads the Lease
/// every <c>RetryPeriod</c> and takes it when it is free, released, or unchanged for its lease duration.
/// </summary>
internal sealed class KubernetesLeaseGuard : ActiveGuard
{
    private readonly LeaseElection election;
    private readonly LeadershipOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly string lease;

    public KubernetesLeaseGuard(LeaseApi api, LeadershipOptions options, TimeProvider time, ILogger<KubernetesLeaseGuard> logger)
        : base(ReplicaIdentity.Create(options.Identity), options.RetryPeriod, time)
    {
        this.options = options;
        this.time = time;
        this.logger = logger;
        election = new LeaseElection(api, Identity, options.LeaseDuration, time);
        lease = api.Target.ToString();
        Log.LeaseGuardConfigured(logger, api.Target, Identity, options.Mode, options.LeaseDuration, options.RenewDeadline, options.RetryPeriod);
    }

    public LeaseTarget Target => election.Target;

    protected override async Task<AcquireAttempt> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var attempt = await election.TryAsync(holding: false, cancellationToken).ConfigureAwait(false);
        switch (attempt.Kind)
        {
            case LeaseAttemptKind.Held:
                Log.LeaseAcquired(logger, lease, Identity);
                return AcquireAttempt.Acquired(new KubernetesLease(election, attempt.StartedAt, options, time, logger));
            case LeaseAttemptKind.Conflict:
                Log.LeaseConflict(logger, lease);
                return AcquireAttempt.HeldBy(null);
            default:
                return AcquireAttempt.HeldBy(attempt.Holder);
        }
    }

    protected override void OnWaiting(string holder) => Log.LeaseWaiting(logger, lease, holder, Identity);

    protected override void OnTryFailed(int failuresInARow, Exception exception) =>
        Log.LeaseTryFailed(logger, failuresInARow == 1 ? LogLevel.Warning : LogLevel.Debug, lease, failuresInARow, options.RetryPeriod, exception);
}
