using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// Calls relative to a directory handle, none of which follows a symbolic link in its last
/// component: what the link confinement needs to read and rewrite links without ever leaving the root.
/// </summary>
internal static partial class NativeMethods
{
    /// <summary>errno: no such file or directory.</summary>
    public const int NotFound = 2;

    /// <summary>errno: a component of the path is not a directory.</summary>
    public const int NotDirectory = 20;

    /// <summary>errno: the name (or a link target) is too long.</summary>
    public const int NameTooLong = 36;

    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasics = 0x1 | 0x2 | 0x8 | 0x10 | 0x40; // type, mode, uid, gid, mtime
    private const int StatxBytes = 256;
    private const int LinkTargetBytes = 4096; // PATH_MAX: the kernel refuses longer targets

    // O_DIRECTORY and O_NOFOLLOW are not generic: arm, arm64 and powerpc use their own values.
    private static readonly int OpenDirectoryFlags = OpenCloseOnExec | (
        RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64 or Architecture.Ppc64le
            ? 0x4000 | 0x8000
            : 0x10000 | 0x20000);

    [LibraryImport("libc", EntryPoint = "openat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenAt(SafeFileHandle directory, string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "getdents64", SetLastError = true)]
    private static partial nint GetDents64(SafeFileHandle directory, Span<byte> buffer, nuint length);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(SafeFileHandle directory, string path, int flags, uint mask, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "readlinkat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial nint ReadLinkAt(SafeFileHandle directory, string path, Span<byte> buffer, nuint length);

    [LibraryImport("libc", EntryPoint = "symlinkat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SymLinkAt(string target, SafeFileHandle directory, string linkPath);

    [LibraryImport("libc", EntryPoint = "renameat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt(SafeFileHandle oldDirectory, string oldPath, SafeFileHandle newDirectory, string newPath);

    [LibraryImport("libc", EntryPoint = "unlinkat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int UnlinkAt(SafeFileHandle directory, string path, int flags);

    [LibraryImport("libc", EntryPoint = "fchownat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int FChownAt(SafeFileHandle directory, string path, int owner, int group, int flags);

    [LibraryImport("libc", EntryPoint = "utimensat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int UtimensAt(SafeFileHandle directory, string path, in NativeFileTimes times, int flags);

    /// <summary>Opens a directory the caller names by a trusted host path; fails when it is a link.</summary>
    public static SafeFileHandle OpenDirectory(string path)
    {
        var fd = Open(path, OpenDirectoryFlags, 0);
        return fd < 0 ? throw Failure("opening directory", path, Marshal.GetLastPInvokeError()) : new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>
    /// Opens <paramref name="path"/> below <paramref name="directory"/> as a directory: fails when its
    /// last component is a link (O_NOFOLLOW) or not a directory (O_DIRECTORY).
    /// </summary>
    public static SafeFileHandle OpenDirectoryAt(SafeFileHandle directory, string path)
    {
        var fd = OpenAt(directory, path, OpenDirectoryFlags, 0);
        return fd < 0 ? throw Failure("opening directory", path, Marshal.GetLastPInvokeError()) : new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Fills <paramref name="buffer"/> with linux_dirent64 records; 0 at the end of the directory.</summary>
    public static int ReadDirectoryEntries(SafeFileHandle directory, Span<byte> buffer, string name)
    {
        var read = GetDents64(directory, buffer, (nuint)buffer.Length);
        return read < 0 ? throw Failure("listing directory", name, Marshal.GetLastPInvokeError()) : (int)read;
    }

    /// <summary>lstat by statx (one layout on every architecture); null when nothing is there.</summary>
    public static TreeEntryStatus? StatNoFollow(SafeFileHandle directory, string path)
    {
        Span<byte> buffer = stackalloc byte[StatxBytes];
        if (Statx(directory, path, AtSymlinkNoFollow, StatxBasics, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is NotFound or NotDirectory ? null : throw Failure("examining", path, errno);
        }

        // struct statx: stx_uid at 20, stx_gid at 24, stx_mode at 28, stx_mtime at 112 (native byte order).
        return new TreeEntryStatus(
            TreeEntryStatus.KindOf(MemoryMarshal.Read<ushort>(buffer[28..])),
            MemoryMarshal.Read<int>(buffer[20..]),
            MemoryMarshal.Read<int>(buffer[24..]),
            new NativeTimeSpec(MemoryMarshal.Read<long>(buffer[112..]), MemoryMarshal.Read<uint>(buffer[120..])));
    }

    /// <summary>The bytes of a link's target (readlinkat never follows the link itself).</summary>
    public static byte[] ReadLink(SafeFileHandle directory, string path)
    {
        Span<byte> buffer = stackalloc byte[LinkTargetBytes];
        var length = ReadLinkAt(directory, path, buffer, (nuint)buffer.Length);
        if (length < 0)
        {
            throw Failure("reading link", path, Marshal.GetLastPInvokeError());
        }

        return buffer[..(int)length].ToArray();
    }

    /// <summary>symlinkat(2); 0 or the errno (EEXIST when the name is taken: nothing is replaced).</summary>
    public static int CreateSymbolicLinkAt(SafeFileHandle directory, string name, string target) =>
        SymLinkAt(target, directory, name) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>Atomically puts <paramref name="from"/> in place of <paramref name="to"/>, both in <paramref name="directory"/>.</summary>
    public static void ReplaceAt(SafeFileHandle directory, string from, string to)
    {
        if (RenameAt(directory, from, directory, to) != 0)
        {
            throw Failure("replacing", to, Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>Removes a name that is not a directory; errors are ignored (clean-up after a failure).</summary>
    public static void TryRemoveAt(SafeFileHandle directory, string name) => _ = UnlinkAt(directory, name, 0);

    /// <summary>Gives a link (not its target) an owner; false when refused (unmapped ids in a user namespace).</summary>
    public static bool ChangeLinkOwner(SafeFileHandle directory, string name, int uid, int gid) =>
        FChownAt(directory, name, uid, gid, AtSymlinkNoFollow) == 0;

    /// <summary>Sets a link's own modification time (the access time is left alone).</summary>
    public static void SetLinkTime(SafeFileHandle directory, string name, NativeTimeSpec modified)
    {
        if (UtimensAt(directory, name, new NativeFileTimes(new NativeTimeSpec(0, TimeOmitted), modified), AtSymlinkNoFollow) != 0)
        {
            throw Failure("setting the time of", name, Marshal.GetLastPInvokeError());
        }
    }
}
