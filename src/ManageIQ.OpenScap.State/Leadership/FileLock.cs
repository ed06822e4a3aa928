using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.State.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.State.Leadership;

/// <summary>
/// A held flock on <c>bridge.lock</c>. The kernel keeps it as long as the handle is open, so it is lost only when the
/// file is removed or replaced under it (another process could then lock the new file): that is checked every
/// <c>RetryPeriod</c>, and <see cref="ActiveLease.Lost"/> fires on it.
/// </summary>
internal sealed class FileLock : ActiveLease
{
    private readonly SafeFileHandle handle;
    private readonly FileIdentity identity;
    private readonly TimeSpan retryPeriod;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public FileLock(SafeFileHandle handle, string path, string holderIdentity, TimeSpan retryPeriod, TimeProvider time, ILogger logger)
        : base(holderIdentity, path, time)
    {
        this.handle = handle;
        identity = LockFileNativeMethods.IdentityOf(handle) ?? throw new IOException($"Cannot read what {path} is.");
        this.retryPeriod = retryPeriod;
        this.time = time;
        this.logger = logger;
        Keep(WatchAsync);
    }

    protected override ValueTask ReleaseAsync(bool wasHeld)
    {
        try
        {
            if (LockFileNativeMethods.IdentityOf(Resource) == identity)
            {
                // Clear the holder's line first, so the file never names a process that no longer holds it.
                RandomAccess.SetLength(handle, 0);
            }

            LockFileNativeMethods.Unlock(handle);
            Log.LockReleased(logger, Resource, HolderIdentity);
        }
        catch (IOException ex)
        {
            Log.LockReleaseFailed(logger, Resource, ex);
        }
        finally
        {
            handle.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private async Task WatchAsync(CancellationToken ending)
    {
        try
        {
            while (true)
            {
                await Task.Delay(retryPeriod, time, ending).ConfigureAwait(false);
                if (LockFileNativeMethods.IdentityOf(Resource) != identity)
                {
                    Log.LockLost(logger, Resource, HolderIdentity, $"{Resource} was removed or replaced; another process could lock the new file");
                    Lose();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
