using System.Text.RegularExpressions;
using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ManageIQ.OpenScap.Contracts.Tests.Leadership;

/// <summary>What both guards inherit: one lease at a time, Lost on the guard's clock, a release that runs once.</summary>
public sealed class ActiveGuardTests
{
    [Test]
    public async Task AcquireAsync_WhileHeld_Throws_AndAfterTheReleaseAcquiresAgain()
    {
        await using var guard = new TestGuard(new FakeTimeProvider());
        var first = await guard.AcquireAsync(CancellationToken.None);

        Assert.That(guard.IsHeld, Is.True);
        Assert.ThrowsAsync<InvalidOperationException>(() => guard.AcquireAsync(CancellationToken.None));
        await first.DisposeAsync();
        Assert.That(guard.IsHeld, Is.False);
        var second = await guard.AcquireAsync(CancellationToken.None);
        Assert.That(second.IsHeld, Is.True);
        Assert.That(guard.IsHeld, Is.True);
    }

    [Test]
    public async Task AcquireAsync_TriesEveryRetryPeriod_SurvivesFailures_AndNamesEachHolderOnce()
    {
        var time = new FakeTimeProvider();
        var clock = new WaitCountingClock(time, TimeSpan.FromSeconds(2));
        await using var guard = new TestGuard(clock);
        foreach (var next in new object[] { "bridge-a", "bridge-a", new IOException("disk"), new HttpRequestException("down"), "bridge-a", "bridge-b", new IOException("again") })
        {
            guard.Tries.Enqueue(next);
        }

        var acquiring = guard.AcquireAsync(CancellationToken.None);
        for (var waits = 1; waits <= 7; waits++)
        {
            await WaitCountingClock.UntilAsync(() => clock.Waits == waits, CancellationToken.None);
            Assert.That(acquiring.IsCompleted, Is.False);
            time.Advance(TimeSpan.FromSeconds(2));
        }

        var lease = await acquiring;
        Assert.That(lease.IsHeld, Is.True);
        Assert.That(guard.Waiting, Is.EqualTo(new[] { "bridge-a", "bridge-b" }), "once per holder, a failure in between changes nothing");
        Assert.That(guard.Failures, Is.EqualTo(new[] { 1, 2, 1 }), "counted in a row, reset by a try that worked");
    }

    [Test]
    public async Task Lease_DisposedTwice_ReleasesOnce_AndCancelsLostFirst()
    {
        await using var guard = new TestGuard(new FakeTimeProvider());
        var lease = (TestLease)await guard.AcquireAsync(CancellationToken.None);

        await lease.DisposeAsync();
        await lease.DisposeAsync();

        Assert.That(lease.Releases, Is.EqualTo(new[] { (WasHeld: true, LostBefore: true) }));
        Assert.That(lease.IsHeld, Is.False);
    }

    [Test]
    public async Task LoseAfter_OnTheGuardsClock_CancelsLostWhenDue_UnlessMovedOn()
    {
        var time = new FakeTimeProvider();
        await using var guard = new TestGuard(time);
        var lease = (TestLease)await guard.AcquireAsync(CancellationToken.None);

        lease.LoseIn(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(9));
        lease.LoseIn(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.That(lease.IsHeld, Is.True, "renewed in time");
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(lease.Lost.IsCancellationRequested, Is.True);
        Assert.That(guard.IsHeld, Is.False);
        await lease.DisposeAsync();
        Assert.That(lease.Releases.Single().WasHeld, Is.False);
    }

    [Test]
    public async Task LoseAfter_DeadlineAlreadyPassed_LosesAtOnce()
    {
        await using var guard = new TestGuard(new FakeTimeProvider());
        var lease = (TestLease)await guard.AcquireAsync(CancellationToken.None);

        lease.LoseIn(TimeSpan.FromSeconds(-1));

        Assert.That(lease.IsHeld, Is.False);
    }

    [Test]
    public async Task Guard_Disposed_ReleasesTheLeaseItStillHolds()
    {
        var guard = new TestGuard(new FakeTimeProvider());
        var lease = (TestLease)await guard.AcquireAsync(CancellationToken.None);

        await guard.DisposeAsync();

        Assert.That(lease.Releases, Has.Count.EqualTo(1));
    }

    [Test]
    public void ReplicaIdentity_NotConfigured_IsTheHostAndARandomSuffix()
    {
        var one = ReplicaIdentity.Create(null);
        var two = ReplicaIdentity.Create(" ");

        Assert.That(one, Does.Match($"^{Regex.Escape(Environment.MachineName)}-[0-9a-f]{{8}}$"));
        Assert.That(two, Is.Not.EqualTo(one), "a restarted process never takes its predecessor's hold for its own");
        Assert.That(ReplicaIdentity.Create("bridge-1"), Is.EqualTo("bridge-1"));
        Assert.That(ReplicaIdentity.Problem(new string('x', 129)), Is.EqualTo("is longer than 128 characters"));
    }

    private sealed class TestGuard : ActiveGuard
    {
        private readonly TimeProvider time;

        public TestGuard(TimeProvider time)
            : base("test-replica", TimeSpan.FromSeconds(2), time)
        {
            this.time = time;
        }

        /// <summary>What the next tries find: a holder's name, an exception, or (when empty) the guard free.</summary>
        public Queue<object> Tries { get; } = new();

        public List<string> Waiting { get; } = [];

        public List<int> Failures { get; } = [];

        protected override Task<AcquireAttempt> TryAcquireAsync(CancellationToken cancellationToken) => Tries.TryDequeue(out var next) switch
        {
            false => Task.FromResult(AcquireAttempt.Acquired(new TestLease(Identity, time))),
            true when next is Exception ex => Task.FromException<AcquireAttempt>(ex),
            _ => Task.FromResult(AcquireAttempt.HeldBy((string?)next)),
        };

        protected override void OnWaiting(string holder) => Waiting.Add(holder);

        protected override void OnTryFailed(int failuresInARow, Exception exception) => Failures.Add(failuresInARow);
    }

    private sealed class TestLease(string holder, TimeProvider time) : ActiveLease(holder, "test resource", time)
    {
        public List<(bool WasHeld, bool LostBefore)> Releases { get; } = [];

        public void LoseIn(TimeSpan delay) => LoseAfter(delay);

        protected override ValueTask ReleaseAsync(bool wasHeld)
        {
            Releases.Add((wasHeld, Lost.IsCancellationRequested));
            return ValueTask.CompletedTask;
        }
    }
}
