using ManageIQ.OpenScap.State.Leadership;

namespace ManageIQ.OpenScap.State.Tests.Leadership;

/// <summary>Reads <c>bridge.lock</c> as an operator's <c>cat</c> does: without a lock (a .NET FileStream would take one).</summary>
internal static class LockFile
{
    public static string Read(string stateDirectory)
    {
        using var handle = LockFileNativeMethods.OpenForReading(Path.Combine(stateDirectory, FileLockGuard.FileName), out var errno)
            ?? throw new IOException($"cannot open the lock file (errno {errno})");
        var buffer = new byte[LockHolder.MaxBytes];
        return System.Text.Encoding.UTF8.GetString(buffer, 0, RandomAccess.Read(handle, buffer, 0));
    }
}
