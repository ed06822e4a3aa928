using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>
/// The system calls the feed cache needs and .NET has no managed API for: the owner of a path without
/// following a link (statx), the effective user, and open with O_EXCL|O_NOFOLLOW.
/// </summary>
internal static partial class FeedNativeMethods
{
    /// <summary>errno: the name exists.</summary>
    public const int FileExists = 17;

    /// <summary>errno: no such file or directory.</summary>
    public const int NoSuchFile = 2;

    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxTypeModeOwner = 0x1 | 0x2 | 0x8 | 0x10; // STATX_TYPE | STATX_MODE | STATX_UID | STATX_GID
    private const int OpenWriteOnly = 0x1;
    private const int OpenCreate = 0x40;
    private const int OpenExclusive = 0x80;
    private const int OpenCloseOnExec = 0x80000;
    private const uint OwnerReadWrite = 0x180; // 0600

    // O_NOFOLLOW is one of the flags whose value differs between architectures.
    private static int OpenNoFollow => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    /// <summary>The effective user id of this process.</summary>
    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();

    /// <summary>The type, mode and owner of <paramref name="path"/> itself (a link is not followed); null with <paramref name="errno"/> on failure.</summary>
    public static PathStatus? LStat(string path, out int errno)
    {
        if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxTypeModeOwner, out var buffer) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        errno = 0;
        return new PathStatus(buffer.Mode, buffer.Uid, buffer.Gid);
    }

    /// <summary>Creates a new file 0600 for writing: O_CREAT|O_EXCL|O_NOFOLLOW never opens or follows what is there. Null with <paramref name="errno"/> on failure.</summary>
    public static SafeFileHandle? CreateExclusive(string path, out int errno)
    {
        var fd = Open(path, OpenWriteOnly | OpenCreate | OpenExclusive | OpenNoFollow | OpenCloseOnExec, OwnerReadWrite);
        errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, uint mode);

    /// <summary>struct statx: the same layout on every architecture, which struct stat is not.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(20)]
        public uint Uid;

        [FieldOffset(24)]
        public uint Gid;

        [FieldOffset(28)]
        public ushort Mode;
    }
}
