using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.State.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.State.Leadership;

/// <summary>
/// The single-active guard outside a cluster: an exclusive flock(2) on <c>bridge.lock</c> in the state directory,
/// tried without blocking every <c>RetryPeriod</c>. The kernel drops the lock when its holder exits, however it exits
/// (kill -9 included), so a dead holder never needs clearing by hand. The file is never deleted: a process could
/// then lock a new file while another still holds the old one.
/// </summary>
internal sealed class FileLockGuard : ActiveGuard
{
    public const string FileName = "bridge.lock";
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly string directory;
    private readonly TimeSpan retryPeriod;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public FileLockGuard(string stateDirectory, LeadershipOptions options, TimeProvider time, ILogger<FileLockGuard> logger)
        : base(ReplicaIdentity.Create(options.Identity), options.RetryPeriod, time)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The file lock of Bridge:Leadership:Mode file uses flock(2) and statx(2): Linux only.");
        }

        directory = Path.GetFullPath(stateDirectory);
        LockPath = Path.Combine(directory, FileName);
        retryPeriod = options.RetryPeriod;
        this.time = time;
        this.logger = logger;
        Log.FileGuardConfigured(logger, LockPath, Identity, options.Mode, retryPeriod);
    }

    /// <summary><c>&lt;Bridge:StateDirectory&gt;/bridge.lock</c>.</summary>
    public string LockPath { get; }

    protected override Task<AcquireAttempt> TryAcquireAsync(CancellationToken cancellationToken)
    {
        if (TryLock() is not { } handle)
        {
            return Task.FromResult(AcquireAttempt.HeldBy(ReadHolder()));
        }

        Log.LockAcquired(logger, LockPath, Identity);
        return Task.FromResult(AcquireAttempt.Acquired(new FileLock(handle, LockPath, Identity, retryPeriod, time, logger)));
    }

    protected override void OnWaiting(string holder) => Log.LockWaiting(logger, LockPath, holder, Identity);

    protected override void OnTryFailed(int failuresInARow, Exception exception) =>
        Log.LockTryFailed(logger, failuresInARow == 1 ? LogLevel.Warning : LogLevel.Debug, LockPath, failuresInARow, retryPeriod, exception);

    /// <summary>The locked handle, with this process written into the file; null while another process holds it.</summary>
    private SafeFileHandle? TryLock()
    {
        // Linux only (the constructor checks): the mode keeps the state directory the owner's, as the database does.
        if (!Directory.Exists(directory) && OperatingSystem.IsLinux())
        {
            Directory.CreateDirectory(directory, DirectoryMode);
        }

        var handle = LockFileNativeMethods.OpenForLocking(LockPath, out var errno)
            ?? throw new IOException($"Cannot open {LockPath} (errno {errno}).");
        try
        {
            var locked = LockFileNativeMethods.TryLockExclusive(handle);
            if (locked == LockFileNativeMethods.WouldBlock)
            {
                handle.Dispose();
                return null;
            }

            if (locked != 0)
            {
                throw new IOException($"flock on {LockPath} failed (errno {locked}).");
            }

            if (LockFileNativeMethods.IdentityOf(handle) is not { } opened || LockFileNativeMethods.IdentityOf(LockPath) != opened)
            {
                // The file was removed or replaced between the open and the lock: what is locked guards nothing.
                handle.Dispose();
                return null;
            }

            var holder = new LockHolder(Environment.ProcessId, Environment.MachineName, Identity, time.GetUtcNow()).ToBytes();
            RandomAccess.SetLength(handle, 0);
            RandomAccess.Write(handle, holder, fileOffset: 0);
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private string ReadHolder()
    {
        using var handle = LockFileNativeMethods.OpenForReading(LockPath, out _);
        if (handle is null)
        {
            return "a process that removed the file";
        }

        var buffer = new byte[LockHolder.MaxBytes];
        var read = RandomAccess.Read(handle, buffer, fileOffset: 0);
        return LockHolder.Describe(buffer.AsSpan(0, read));
    }
}
