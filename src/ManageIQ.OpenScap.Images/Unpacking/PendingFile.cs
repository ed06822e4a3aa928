using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// A file created by the tar thread whose content, mode, time and owner the writer pool applies
/// through its handle. Counted references: one for the tar thread until it has handed over the
/// last piece, one per piece queued; whoever drops the last one finishes the file.
/// </summary>
internal sealed class PendingFile(SafeFileHandle handle, string name, UnixFileMode mode, DateTime modifiedUtc, int uid, int gid)
{
    private int _references = 1;

    public SafeFileHandle Handle { get; } = handle;

    /// <summary>The entry name, for errors.</summary>
    public string Name { get; } = name;

    public UnixFileMode Mode { get; } = mode;

    public DateTime ModifiedUtc { get; } = modifiedUtc;

    public int Uid { get; } = uid;

    public int Gid { get; } = gid;

    /// <summary>Completes once the handle is closed.</summary>
    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void AddReference() => Interlocked.Increment(ref _references);

    /// <summary>True when that was the last reference.</summary>
    public bool Release(int count) => Interlocked.Add(ref _references, -count) == 0;
}
