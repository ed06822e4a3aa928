using k8s.Models;

namespace ManageIQ.OpenScap.Kubernetes.Leadership;

/// <summary>
/// One replica's view of the Lease and its read-then-write step, as client-go's leader election does it: another
/// holder's Lease counts as expired only after this replica has seen it unchanged (same resourceVersion) for its
/// lease duration on its own clock, so clocks that disagree between nodes do not matter. Every write carries the
/// resourceVersion read, so of two replicas writing at once one gets 409 and reads again.
/// </summary>
internal sealed class LeaseElection(LeaseApi api, string identity, TimeSpan leaseDuration, TimeProvider time)
{
    private readonly Lock gate = new();
    private string? observedVersion;
    private DateTimeOffset observedAt;

    public LeaseTarget Target => api.Target;

    public string Identity { get; } = identity;

    /// <summary>
    /// Reads the Lease and writes this replica into it when it is free, expired or already this replica's.
    /// <paramref name="holding"/>: this replica holds it now, so any other holder, a release or a deletion is a loss.
    /// </summary>
    public async Task<LeaseAttempt> TryAsync(bool holding, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var lease = await api.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            if (holding)
            {
                return new LeaseAttempt(LeaseAttemptKind.Lost, started, Reason: $"{Target} was deleted");
            }

            var created = await api.CreateAsync(Claim(new V1LeaseSpec(), started), cancellationToken).ConfigureAwait(false);
            return Written(created, started);
        }

        Observe(lease, started);
        lease.Spec ??= new V1LeaseSpec();
        var holder = lease.Spec.HolderIdentity;
        var mine = string.Equals(holder, Identity, StringComparison.Ordinal);
        if (holding && !mine)
        {
            var reason = string.IsNullOrEmpty(holder) ? $"{Target} was released by someone else" : $"{Target} now names {holder} as its holder";
            return new LeaseAttempt(LeaseAttemptKind.Lost, started, holder, reason);
        }

        if (!mine && !string.IsNullOrEmpty(holder) && !ExpiredAt(lease.Spec, started))
        {
            return new LeaseAttempt(LeaseAttemptKind.HeldByOther, started, holder);
        }

        Claim(lease.Spec, started);
        var replaced = await api.ReplaceAsync(lease, cancellationToken).ConfigureAwait(false);
        return Written(replaced, started);
    }

    /// <summary>
    /// Gives the Lease up when it still names this replica: no holder and a one-second duration, so a waiting replica
    /// takes it on its next try. False when it names someone else (or nobody) already.
    /// </summary>
    public async Task<bool> ReleaseAsync(CancellationToken cancellationToken)
    {
        var lease = await api.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (lease?.Spec is null || !string.Equals(lease.Spec.HolderIdentity, Identity, StringComparison.Ordinal))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        lease.Spec.HolderIdentity = "";
        lease.Spec.LeaseDurationSeconds = 1;
        lease.Spec.RenewTime = now;
        lease.Spec.AcquireTime = now;
        return await api.ReplaceAsync(lease, cancellationToken).ConfigureAwait(false) is not null;
    }

    private LeaseAttempt Written(V1Lease? written, DateTimeOffset started)
    {
        if (written is null)
        {
            return new LeaseAttempt(LeaseAttemptKind.Conflict, started);
        }

        Observe(written, started);
        return new LeaseAttempt(LeaseAttemptKind.Held, started, Identity);
    }

    /// <summary>Makes <paramref name="spec"/> name this replica, renewed at <paramref name="now"/>, keeping any other field.</summary>
    private V1LeaseSpec Claim(V1LeaseSpec spec, DateTimeOffset now)
    {
        var renewing = string.Equals(spec.HolderIdentity, Identity, StringComparison.Ordinal);
        if (!renewing)
        {
            spec.AcquireTime = now.UtcDateTime;
            spec.LeaseTransitions = spec.LeaseTransitions is { } transitions ? transitions + 1 : 0;
        }

        spec.HolderIdentity = Identity;
        spec.LeaseDurationSeconds = (int)leaseDuration.TotalSeconds;
        spec.RenewTime = now.UtcDateTime;
        spec.AcquireTime ??= now.UtcDateTime;
        return spec;
    }

    private void Observe(V1Lease lease, DateTimeOffset at)
    {
        lock (gate)
        {
            if (!string.Equals(lease.Metadata?.ResourceVersion, observedVersion, StringComparison.Ordinal))
            {
                observedVersion = lease.Metadata?.ResourceVersion;
                observedAt = at;
            }
        }
    }

    private bool ExpiredAt(V1LeaseSpec spec, DateTimeOffset now)
    {
        // A holder's own duration counts; a missing or nonsensical one falls back to ours.
        var duration = spec.LeaseDurationSeconds is int seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : leaseDuration;
        lock (gate)
        {
            return observedAt + duration <= now;
        }
    }
}
