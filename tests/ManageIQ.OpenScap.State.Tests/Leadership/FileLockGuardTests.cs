using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.State.Leadership;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Process = ManageIQ.OpenScap.Testing.ChildProcess;

namespace ManageIQ.OpenScap.State.Tests.Leadership;

/// <summary>
/// The file lock between guards of this process (each its own open file, which flock(2) treats as separate holders)
/// and between real processes (the state test host), on a fake clock for this process's guards.
/// </summary>
[CancelAfter(120_000)]
public sealed class FileLockGuardTests
{
    private static readonly TimeSpan Retry = new LeadershipOptions().RetryPeriod;
    private FakeTimeProvider time = null!;
    private FakeLogCollector logs = null!;
    private TempDirectory temp = null!;
    private ILoggerFactory loggers = null!;

    private string StateDirectory => temp.Combine("state");

    [SetUp]
    public void SetUp()
    {
        time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        logs = new FakeLogCollector();
        temp = new TempDirectory("miq-lock-test-");
        loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
    }

    [TearDown]
    public void TearDown()
    {
        loggers.Dispose();
        temp.Dispose();
    }

    [Test]
    public async Task SecondGuard_WhileTheFirstHolds_WaitsSayingOnceWhoHolds_AndTakesItOnTheTryAfterTheRelease(CancellationToken cancellationToken)
    {
        var (a, _) = Guard("bridge-a");
        var (b, clockB) = Guard("bridge-b");
        var leaseA = await a.AcquireAsync(cancellationToken);
        Assert.That(File.Exists(StateDirectory), Is.False, "the state directory was created as a directory");
        Assert.That(File.GetUnixFileMode(StateDirectory), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        Assert.That(File.GetUnixFileMode(a.LockPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(LockFile.Read(StateDirectory), Does.StartWith($"pid={Environment.ProcessId}\nhost={Environment.MachineName}\nidentity=bridge-a\nsince=2025-03-01T12:00:00Z"));

        var acquiringB = b.AcquireAsync(cancellationToken);
        await WaitCountingClock.UntilAsync(() => clockB.Waits == 1, cancellationToken);
        for (var i = 2; i <= 5; i++)
        {
            time.Advance(Retry);
            await WaitCountingClock.UntilAsync(() => clockB.Waits == i, cancellationToken);
        }

        Assert.Multiple(() =>
        {
            Assert.That(acquiringB.IsCompleted, Is.False);
            Assert.That(b.IsHeld, Is.False);
            Assert.That(a.IsHeld, Is.True);
            Assert.That(leaseA.Resource, Is.EqualTo(a.LockPath));
            Assert.That(logs.GetSnapshot().Where(r => r.Id.Id == 7040).Select(r => r.Message), Is.EqualTo(new[]
            {
                $"{a.LockPath} is locked by pid {Environment.ProcessId} on host {Environment.MachineName} (identity bridge-a, since 2025-03-01T12:00:00Z); bridge-b waits for it",
            }));
        });

        await leaseA.DisposeAsync();
        Assert.That(leaseA.Lost.IsCancellationRequested, Is.True);
        Assert.That(a.IsHeld, Is.False);
        Assert.That(LockFile.Read(StateDirectory), Is.Empty, "a released lock names nobody");
        time.Advance(Retry);
        var leaseB = await acquiringB;

        Assert.That(leaseB.IsHeld, Is.True);
        Assert.That(LockFile.Read(StateDirectory), Does.Contain("identity=bridge-b"));
        Assert.That(logs.GetSnapshot().Count(r => r.Id.Id == 7043 && r.Message.StartsWith("bridge-a released", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(logs.GetSnapshot().Count(r => r.Id.Id == 7042), Is.Zero, "a release is not a loss");
        await leaseB.DisposeAsync();
    }

    [Test]
    public async Task LockFile_RemovedUnderTheHolder_LosesTheLeaseAtTheNextCheck_AndItsReleaseLeavesTheNewHolderAlone(CancellationToken cancellationToken)
    {
        var (a, clockA) = Guard("bridge-a");
        var (b, _) = Guard("bridge-b");
        var leaseA = await a.AcquireAsync(cancellationToken);
        await WaitCountingClock.UntilAsync(() => clockA.Waits == 1, cancellationToken);

        File.Delete(a.LockPath);
        var leaseB = await b.AcquireAsync(cancellationToken);
        Assert.That(leaseA.IsHeld, Is.True, "not noticed before the next check");
        time.Advance(Retry);
        await WaitCountingClock.UntilAsync(() => !leaseA.IsHeld, cancellationToken);

        Assert.That(logs.GetSnapshot().Single(r => r.Id.Id == 7042).Message, Does.Contain("was removed or replaced"));
        Assert.That(a.IsHeld, Is.False);
        await leaseA.DisposeAsync();
        Assert.That(LockFile.Read(StateDirectory), Does.Contain("identity=bridge-b"));
        Assert.That(leaseB.IsHeld, Is.True);
        await leaseB.DisposeAsync();
    }

    [Test]
    public async Task RealProcesses_SecondWaitsWhileTheFirstHolds_TakesOverAfterSigkill_AndReleasesOnSigterm(CancellationToken cancellationToken)
    {
        await using var first = HoldLock();
        Assert.That(await first.WaitForOutputAsync("locked ", cancellationToken), Is.True, first.Error);
        var firstIdentity = first.Output.Split(' ', '\n')[1];
        await using var second = HoldLock();
        await WaitCountingClock.UntilAsync(() => second.Error.Contains("is locked by pid", StringComparison.Ordinal) || second.Output.Contains("locked ", StringComparison.Ordinal), cancellationToken);
        var (mine, clock) = Guard("bridge-test");
        var acquiringHere = mine.AcquireAsync(cancellationToken);
        await WaitCountingClock.UntilAsync(() => clock.Waits == 1, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(second.Error, Does.Contain($"(identity {firstIdentity}, since"), "the waiting process says who holds it");
            Assert.That(second.Output, Does.Not.Contain("locked"));
            Assert.That(acquiringHere.IsCompleted, Is.False, "nor can this process take it");
            Assert.That(LockFile.Read(StateDirectory), Does.Contain($"identity={firstIdentity}"));
        });

        await first.KillAsync(cancellationToken);
        Assert.That(await second.WaitForOutputAsync("locked ", cancellationToken), Is.True, second.Error);
        var secondIdentity = second.Output.Split(' ', '\n')[1];
        Assert.That(LockFile.Read(StateDirectory), Does.Contain($"identity={secondIdentity}"));
        time.Advance(Retry);
        await WaitCountingClock.UntilAsync(() => clock.Waits == 2, cancellationToken);
        Assert.That(acquiringHere.IsCompleted, Is.False, "the second process holds it now");

        await second.StopAsync(cancellationToken);
        Assert.That(second.ExitCode, Is.Zero, second.Error);
        Assert.That(second.Output, Does.Contain("released"));
        time.Advance(Retry);
        var lease = await acquiringHere;
        Assert.That(lease.IsHeld, Is.True);
        await lease.DisposeAsync();
    }

    private (FileLockGuard Guard, WaitCountingClock Clock) Guard(string identity)
    {
        var clock = new WaitCountingClock(time, Retry);
        return (new FileLockGuard(StateDirectory, new LeadershipOptions { Identity = identity }, clock, loggers.CreateLogger<FileLockGuard>()), clock);
    }

    private Process HoldLock() => Process.Start("ManageIQ.OpenScap.State.TestHost.dll", ["hold-lock", "--state", StateDirectory]);
}
