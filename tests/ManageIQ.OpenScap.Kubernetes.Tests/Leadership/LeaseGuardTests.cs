using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Leadership;

/// <summary>
/// Two or three replicas' Lease guards against the fake API server over real HTTP, on one fake clock: replica A's
/// waits come due on even seconds, the others' on odd ones, so each step of the election happens in a fixed order.
/// </summary>
[CancelAfter(60_000)]
public sealed class LeaseGuardTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    public async Task TwoReplicas_HolderRenews_OnlyTheHolderHoldsForTwiceTheLeaseDuration(CancellationToken cancellationToken)
    {
        await using var h = await LeaseHarness.StartAsync();
        var (a, b, leaseA, acquiringB) = await HolderAndWaiterAsync(h, cancellationToken);

        for (var i = 0; i < 15; i++)
        {
            await h.AdvanceAsync(Second, a, cancellationToken);
            await h.AdvanceAsync(Second, b, cancellationToken);
        }

        Assert.Multiple(() =>
        {
            Assert.That(acquiringB.IsCompleted, Is.False, "B still waits");
            Assert.That(b.Guard.IsHeld, Is.False);
            Assert.That(a.Guard.IsHeld, Is.True);
            Assert.That(leaseA.IsHeld, Is.True);
            Assert.That(leaseA.Lost.IsCancellationRequested, Is.False);
            Assert.That(leaseA.HolderIdentity, Is.EqualTo("bridge-a"));
            Assert.That(leaseA.Resource, Is.EqualTo("Lease management-infra/manageiq-openscap-bridge"));
            Assert.That(h.Holder, Is.EqualTo("bridge-a"));
            Assert.That(h.Spec!.RenewTime, Is.EqualTo(LeaseHarness.Start.AddSeconds(30).UtcDateTime), "renewed every retry period");
            Assert.That(h.Spec.LeaseDurationSeconds, Is.EqualTo(15));
            Assert.That(h.Spec.LeaseTransitions, Is.Zero);
            Assert.That(h.Count("create lease"), Is.EqualTo(1));
            Assert.That(h.Count("replace lease"), Is.EqualTo(15), "only A writes");
            Assert.That(h.Logged(5050, "bridge-b"), Is.EqualTo(1), "B says once who holds it");
        });
    }

    [Test]
    public async Task HolderKilled_StopsRenewing_LosesAtItsDeadlineAndTheOtherTakesOverWithinTheLeaseDuration(CancellationToken cancellationToken)
    {
        await using var h = await LeaseHarness.StartAsync();
        var (a, b, leaseA, acquiringB) = await HolderAndWaiterAsync(h, cancellationToken);
        await TickAsync(h, a, b, cancellationToken);
        await TickAsync(h, a, b, cancellationToken);
        var lastRenew = new DateTimeOffset(h.Spec!.RenewTime!.Value, TimeSpan.Zero);
        DateTimeOffset? lostAt = null;
        leaseA.Lost.Register(() => lostAt = h.Time.GetUtcNow());

        // kill -9 of A, as its peers see it: no renewal and no release, ever again.
        a.Network.IsCut = true;
        for (var i = 0; i < 30 && !acquiringB.IsCompleted; i++)
        {
            await TickAsync(h, leaseA.IsHeld ? a : null, b, cancellationToken);
        }

        var leaseB = await acquiringB;
        var takenAt = new DateTimeOffset(h.Spec!.AcquireTime!.Value, TimeSpan.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(lostAt, Is.EqualTo(lastRenew + h.Options.RenewDeadline), "A stops at its renew deadline, not later");
            Assert.That(takenAt, Is.GreaterThan(lostAt!.Value), "A had stopped before B started");
            Assert.That(takenAt, Is.InRange(lastRenew + h.Options.LeaseDuration, lastRenew + h.Options.LeaseDuration + h.Options.RetryPeriod + Second));
            Assert.That(leaseB.IsHeld, Is.True);
            Assert.That(b.Guard.IsHeld, Is.True);
            Assert.That(a.Guard.IsHeld, Is.False);
            Assert.That(h.Holder, Is.EqualTo("bridge-b"));
            Assert.That(h.Spec.LeaseTransitions, Is.EqualTo(1));
            Assert.That(h.Logs.GetSnapshot().Single(r => r.Id.Id == 5054).Message, Does.Contain("bridge-a").And.Contain("Bridge:Leadership:RenewDeadline"));
            Assert.That(h.Logged(5051, "bridge-b"), Is.EqualTo(1));
        });

        // A comes back and stops for good: its release must not touch B's Lease.
        a.Network.IsCut = false;
        await leaseA.DisposeAsync();
        Assert.That(h.Holder, Is.EqualTo("bridge-b"));
        Assert.That(h.Logged(5055, "bridge-a"), Is.Zero);
    }

    [Test]
    public async Task HolderKilled_TwoWaiting_ExactlyOneTakesOver(CancellationToken cancellationToken)
    {
        await using var h = await LeaseHarness.StartAsync();
        var a = h.NewReplica("bridge-a");
        var b = h.NewReplica("bridge-b");
        var c = h.NewReplica("bridge-c");
        var leaseA = await await LeaseHarness.BeginAcquireAsync(a, cancellationToken);
        await h.AdvanceAsync(Second, null, cancellationToken);
        var acquiringB = b.StartAcquiring(cancellationToken);
        var acquiringC = c.StartAcquiring(cancellationToken);
        await WaitCountingClock.UntilAsync(() => b.Clock.Waits == 1 && c.Clock.Waits == 1, cancellationToken);

        a.Network.IsCut = true;
        for (var i = 0; i < 30 && !acquiringB.IsCompleted && !acquiringC.IsCompleted; i++)
        {
            await h.AdvanceAsync(Second, leaseA.IsHeld ? a : null, cancellationToken);
            await AdvanceBothAsync(h, b, c, cancellationToken);
        }

        // One more round: the loser has then read the winner's Lease and waits behind it.
        await h.AdvanceAsync(Second, null, cancellationToken);
        await AdvanceBothAsync(h, b, c, cancellationToken);
        var winner = acquiringB.IsCompleted ? b : c;
        var loser = winner == b ? c : b;
        Assert.Multiple(() =>
        {
            Assert.That(acquiringB.IsCompleted ^ acquiringC.IsCompleted, Is.True, "exactly one took over");
            Assert.That(winner.Guard.IsHeld, Is.True);
            Assert.That(loser.Guard.IsHeld, Is.False);
            Assert.That(h.Holder, Is.EqualTo(winner.Identity));
            Assert.That(h.Logs.GetSnapshot().Count(r => r.Id.Id == 5050 && r.Message.Contains($"held by {winner.Identity}; {loser.Identity} waits", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(leaseA.IsHeld, Is.False);
        });
    }

    [Test]
    public async Task GracefulRelease_HandsOverOnTheNextTryNotAfterTheLeaseDuration(CancellationToken cancellationToken)
    {
        await using var h = await LeaseHarness.StartAsync();
        var (a, b, leaseA, acquiringB) = await HolderAndWaiterAsync(h, cancellationToken);
        await TickAsync(h, a, b, cancellationToken);
        var releasedAt = h.Time.GetUtcNow();

        await leaseA.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(leaseA.Lost.IsCancellationRequested, Is.True);
            Assert.That(leaseA.IsHeld, Is.False);
            Assert.That(a.Guard.IsHeld, Is.False);
            Assert.That(h.Holder, Is.Null, "released: no holder");
            Assert.That(h.Spec!.LeaseDurationSeconds, Is.EqualTo(1));
        });
        await h.AdvanceAsync(Second, null, cancellationToken);
        await h.AdvanceAsync(Second, b, cancellationToken);
        var leaseB = await acquiringB;
        Assert.Multiple(() =>
        {
            Assert.That(leaseB.IsHeld, Is.True);
            Assert.That(h.Holder, Is.EqualTo("bridge-b"));
            Assert.That(new DateTimeOffset(h.Spec!.AcquireTime!.Value, TimeSpan.Zero), Is.EqualTo(releasedAt + h.Options.RetryPeriod), "taken on B's next try");
            Assert.That(h.Logged(5055, "bridge-a"), Is.EqualTo(1), "released");
            Assert.That(h.Logged(5054), Is.Zero, "a release is not a loss");
        });
    }

    [Test]
    public async Task Renewal_MeetsAConflictingWrite_ReadsAgainAndKeepsTheLease(CancellationToken cancellationToken)
    {
        await using var h = await LeaseHarness.StartAsync();
        var a = h.NewReplica("bridge-a");
        var leaseA = await await LeaseHarness.BeginAcquireAsync(a, cancellationToken);
        h.Api.Faults.RaceNextLeaseReplaces();

        await h.AdvanceAsync(h.Options.RetryPeriod, a, cancellationToken);

        Assert.That(h.Count("lease conflict"), Is.EqualTo(1));
        Assert.That(h.Spec!.RenewTime, Is.EqualTo(LeaseHarness.Start.UtcDateTime), "the conflicting write was refused");
        Assert.That(leaseA.IsHeld, Is.True);
        await h.AdvanceAsync(h.Options.RetryPeriod, a, cancellationToken);
        Assert.Multiple(() =>
        {
            Assert.That(h.Spec!.RenewTime, Is.EqualTo(LeaseHarness.Start.AddSeconds(4).UtcDateTime), "renewed from a fresh read");
            Assert.That(leaseA.IsHeld, Is.True);
            Assert.That(h.Holder, Is.EqualTo("bridge-a"));
            Assert.That(h.Logged(5057), Is.EqualTo(1));
            Assert.That(h.Logged(5054), Is.Zero);
        });
    }

    [Test]
    public async Task TwoReplicas_StartTogether_ExactlyOneHolds(CancellationToken cancellationToken)
    {
        await using var h = await LeaseHarness.StartAsync();
        var a = h.NewReplica("bridge-a");
        var b = h.NewReplica("bridge-b");
        var acquiringA = a.StartAcquiring(cancellationToken);
        var acquiringB = b.StartAcquiring(cancellationToken);
        await WaitCountingClock.UntilAsync(() => a.Clock.Waits == 1 && b.Clock.Waits == 1, cancellationToken);

        // Both are due together now; afterwards the loser has certainly read the winner's Lease.
        await h.AdvanceAsync(h.Options.RetryPeriod, null, cancellationToken);
        await WaitCountingClock.UntilAsync(() => a.Clock.Waits == 2 && b.Clock.Waits == 2, cancellationToken);
        await Task.WhenAny(acquiringA, acquiringB);
        var winner = acquiringA.IsCompleted ? a : b;
        var loser = winner == a ? b : a;

        Assert.Multiple(() =>
        {
            Assert.That(acquiringA.IsCompleted ^ acquiringB.IsCompleted, Is.True);
            Assert.That(h.Holder, Is.EqualTo(winner.Identity));
            Assert.That(loser.Guard.IsHeld, Is.False);
            Assert.That(h.Logged(5050, $"{loser.Identity} waits"), Is.EqualTo(1));
            Assert.That(h.Count("create lease"), Is.InRange(1, 2), "a second create, if any, got 409");
        });
    }

    [TestCase("500")]
    [TestCase("stall")]
    public async Task ApiFails_HolderLosesAtItsRenewDeadline_AndAcquiresAgainOnceTheApiIsBack(string failure, CancellationToken cancellationToken)
    {
        await using var h = await LeaseHarness.StartAsync();
        var a = h.NewReplica("bridge-a");
        var leaseA = await await LeaseHarness.BeginAcquireAsync(a, cancellationToken);
        DateTimeOffset? lostAt = null;
        leaseA.Lost.Register(() => lostAt = h.Time.GetUtcNow());
        if (failure == "500")
        {
            h.Api.Faults.FailNext("GET", "/leases/", 500, count: 1000);
        }
        else
        {
            h.Api.Faults.StallNext("GET", "/leases/", afterHeaders: false, count: 1000);
        }

        for (var i = 0; i < 20 && leaseA.IsHeld; i++)
        {
            await h.AdvanceAsync(h.Options.RetryPeriod, h.Count("stalled") > 0 ? null : a, cancellationToken);
        }

        Assert.Multiple(() =>
        {
            Assert.That(lostAt, Is.EqualTo(LeaseHarness.Start + h.Options.RenewDeadline));
            Assert.That(a.Guard.IsHeld, Is.False, "/readyz turns false");
            Assert.That(h.Logs.GetSnapshot().Single(r => r.Id.Id == 5054).Message, Does.Contain("not renewed within 00:00:10"));
            Assert.That(h.Holder, Is.EqualTo("bridge-a"), "nobody else took it meanwhile");
        });
        if (failure == "500")
        {
            var failures = h.Logs.GetSnapshot().Where(r => r.Id.Id == 5052).Select(r => r.Level).ToList();
            Assert.That(failures, Is.EqualTo(new[] { LogLevel.Warning, LogLevel.Debug, LogLevel.Debug, LogLevel.Debug }), "one warning for the streak, then debug lines");
        }
        else
        {
            // The call in flight was cut at the deadline, not left to hang.
            await WaitCountingClock.UntilAsync(() => h.Count("stall ended by the client") == 1, cancellationToken);
        }

        h.Api.Faults.ClearFailures();
        var again = await await LeaseHarness.BeginAcquireAsync(a, cancellationToken);
        Assert.That(again.IsHeld, Is.True);
        Assert.That(a.Guard.IsHeld, Is.True);
        Assert.That(h.Spec!.LeaseTransitions, Is.Zero, "the same holder");
    }

    [Test]
    public async Task AcquireAsync_WhileHeld_Throws_AndCancellationEndsTheWait(CancellationToken cancellationToken)
    {
        await using var h = await LeaseHarness.StartAsync();
        var a = h.NewReplica("bridge-a");
        var b = h.NewReplica("bridge-b");
        await await LeaseHarness.BeginAcquireAsync(a, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var acquiringB = await LeaseHarness.BeginAcquireAsync(b, stop.Token);

        Assert.ThrowsAsync<InvalidOperationException>(() => a.Guard.AcquireAsync(cancellationToken));
        Assert.ThrowsAsync<InvalidOperationException>(() => b.Guard.AcquireAsync(cancellationToken), "one wait at a time");
        await stop.CancelAsync();
        Assert.That(async () => await acquiringB, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(h.Holder, Is.EqualTo("bridge-a"));
    }

    /// <summary>A acquires at the start, B begins to wait one second later: A's waits come due on even seconds, B's on odd ones.</summary>
    private static async Task<(LeaseReplica A, LeaseReplica B, IActiveLease LeaseA, Task<IActiveLease> AcquiringB)> HolderAndWaiterAsync(LeaseHarness h, CancellationToken cancellationToken)
    {
        var a = h.NewReplica("bridge-a");
        var b = h.NewReplica("bridge-b");
        var leaseA = await await LeaseHarness.BeginAcquireAsync(a, cancellationToken);
        await h.AdvanceAsync(Second, null, cancellationToken);
        return (a, b, leaseA, await LeaseHarness.BeginAcquireAsync(b, cancellationToken));
    }

    /// <summary>A's wait comes due on the even second, then <paramref name="odd"/>'s on the odd one.</summary>
    private static async Task TickAsync(LeaseHarness h, LeaseReplica? even, LeaseReplica odd, CancellationToken cancellationToken)
    {
        await h.AdvanceAsync(Second, even, cancellationToken);
        await h.AdvanceAsync(Second, odd, cancellationToken);
    }

    private static async Task AdvanceBothAsync(LeaseHarness h, LeaseReplica b, LeaseReplica c, CancellationToken cancellationToken)
    {
        var (waitsB, waitsC) = (b.Clock.Waits, c.Clock.Waits);
        await h.AdvanceAsync(Second, null, cancellationToken);
        await WaitCountingClock.UntilAsync(() => b.Clock.Waits > waitsB && c.Clock.Waits > waitsC, cancellationToken);
    }
}
