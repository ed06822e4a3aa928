using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.State.Leadership;

/// <summary>
/// open(2), flock(2) and statx(2) for the lock file. A .NET FileStream is no use here: it takes a flock of its own
/// on every open (shared, or exclusive for FileShare.None), so a reader would block the holder or fail against it,
/// and <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> turns that off altogether.
/// </summary>
internal static partial class LockFileNativeMethods
{
    /// <summary>errno: the lock is held by another open file (EWOULDBLOCK, EAGAIN on Linux).</summary>
    public const int WouldBlock = 11;

    /// <summary>errno: interrupted by a signal.</summary>
    public const int Interrupted = 4;

    private const int OpenReadOnly = 0x0;
    private const int OpenReadWrite = 0x2;
    private const int OpenCreate = 0x40;
    private const int OpenCloseOnExec = 0x80000;
    private const uint OwnerReadWrite = 0x180; // 0600
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int LockUnlock = 8;
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxInode = 0x100;

    // O_NOFOLLOW is one of the flags whose value differs between architectures.
    private static int OpenNoFollow => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    /// <summary>
    /// Opens (creating it 0600 when missing) <paramref name="path"/> for reading and writing, never through a symbolic
    /// link, and not inherited by child processes (oscap must not keep the lock alive). Null with <paramref name="errno"/>.
    /// </summary>
    public static SafeFileHandle? OpenForLocking(string path, out int errno) =>
        Handle(Open(path, OpenReadWrite | OpenCreate | OpenCloseOnExec | OpenNoFollow, OwnerReadWrite), out errno);

    /// <summary>Opens <paramref name="path"/> to read it, taking no lock. Null with <paramref name="errno"/>.</summary>
    public static SafeFileHandle? OpenForReading(string path, out int errno) =>
        Handle(Open(path, OpenReadOnly | OpenCloseOnExec | OpenNoFollow, 0), out errno);

    /// <summary>flock(LOCK_EX | LOCK_NB): 0, or the errno (<see cref="WouldBlock"/> when another holds it).</summary>
    public static int TryLockExclusive(SafeFileHandle handle)
    {
        while (true)
        {
            if (Flock(handle, LockExclusive | LockNonBlocking) == 0)
            {
                return 0;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno != Interrupted)
            {
                return errno;
            }
        }
    }

    public static void Unlock(SafeFileHandle handle) => _ = Flock(handle, LockUnlock);

    /// <summary>The file <paramref name="handle"/> is open on (device and inode); null if it cannot be read.</summary>
    public static FileIdentity? IdentityOf(SafeFileHandle handle) =>
        StatxHandle(handle, "", AtEmptyPath, StatxInode, out var buffer) == 0 ? buffer.Identity : null;

    /// <summary>The file <paramref name="path"/> names now (a link is not followed); null when there is none.</summary>
    public static FileIdentity? IdentityOf(string path) =>
        Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxInode, out var buffer) == 0 ? buffer.Identity : null;

    private static SafeFileHandle? Handle(int fd, out int errno)
    {
        errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(SafeFileHandle handle, int operation);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int StatxHandle(SafeFileHandle directory, string path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>struct statx: the same layout on every architecture, which struct stat is not.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(136)]
        public uint DeviceMajor;

        [FieldOffset(140)]
        public uint DeviceMinor;

        public readonly FileIdentity Identity => new(DeviceMajor, DeviceMinor, Inode);
    }
}
