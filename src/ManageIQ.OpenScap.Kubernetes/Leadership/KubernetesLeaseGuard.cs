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
        : base(ReplicaIdentity.Create(options.Identity))
    {
        ArgumentNullException.ThrowIfNull(api);
        this.options = options;
        this.time = time;
        this.logger = logger;
        election = new LeaseElection(api, Identity, options.LeaseDuration, time);
        lease = api.Target.ToString();
    }

    public LeaseTarget Target => election.Target;

    protected override async Task<IActiveLease> AcquireCoreAsync(CancellationToken cancellationToken)
    {
        string? reportedHolder = null;
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var attempt = await election.TryAsync(holding: false, cancellationToken).ConfigureAwait(false);
                failures = 0;
                switch (attempt.Kind)
                {
                    case LeaseAttemptKind.Held:
                        Log.LeaseAcquired(logger, lease, Identity);
                        return new KubernetesLease(election, attempt.StartedAt, options, time, logger);
                    case LeaseAttemptKind.HeldByOther when !string.Equals(attempt.Holder, reportedHolder, StringComparison.Ordinal):
                        // Once per holder: a replica may wait for hours behind a healthy one.
                        reportedHolder = attempt.Holder;
                        Log.LeaseWaiting(logger, lease, attempt.Holder!, Identity);
                        break;
                    case LeaseAttemptKind.Conflict:
                        Log.LeaseConflict(logger, lease);
                        break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                Log.LeaseFailure(logger, lease, ++failures, options.RetryPeriod, ex);
            }

            await Task.Delay(options.RetryPeriod, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
