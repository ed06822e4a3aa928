using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// System calls .NET has no managed API for (link, lchown, fchown), or whose managed wrapper adds
/// probes the unpacker does not need on its hot path (open with O_EXCL, mkdir, symlink, pwrite,
/// fchmod, futimens: no fstat, flock or lseek per file).
/// </summary>
internal static partial class NativeMethods
{
    /// <summary>errno: the name exists.</summary>
    public const int FileExists = 17;
    private const int Interrupted = 4;

    // The generic Linux values, the same on x86_64 and aarch64.
    private const int OpenWriteOnly = 0x1;
    private const int OpenCreate = 0x40;
    private const int OpenExclusive = 0x80;
    private const int OpenCloseOnExec = 0x80000;
    private const uint DefaultCreateMode = 0x1B6; // 0666, then umask, as .NET creates files
    private const uint DefaultDirectoryMode = 0x1FF; // 0777, then umask, as .NET creates directories
    private const long TimeOmitted = (1L << 30) - 2; // UTIME_OMIT

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Link(string existingPath, string newPath);

    [LibraryImport("libc", EntryPoint = "lchown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int LChown(string path, int owner, int group);

    [LibraryImport("libc", EntryPoint = "fchown", SetLastError = true)]
    internal static partial int FChown(SafeFileHandle file, int owner, int group);

    [LibraryImport("libc", EntryPoint = "fchmod", SetLastError = true)]
    private static partial int FChmod(SafeFileHandle file, uint mode);

    [LibraryImport("libc", EntryPoint = "futimens", SetLastError = true)]
    private static partial int FutImens(SafeFileHandle file, in NativeFileTimes times);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "mkdir", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MkDir(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "symlink", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SymLink(string target, string linkPath);

    [LibraryImport("libc", EntryPoint = "pwrite", SetLastError = true)]
    private static partial nint PWrite(SafeFileHandle file, ReadOnlySpan<byte> buffer, nuint count, long offset);

    [LibraryImport("libc", EntryPoint = "fallocate", SetLastError = true)]
    private static partial int FAllocate(SafeFileHandle file, int mode, long offset, long length);

    /// <summary>Creates a new file for writing (O_CREAT|O_EXCL: never follows or reuses what is there); null with <paramref name="errno"/> on failure.</summary>
    public static SafeFileHandle? CreateExclusive(string path, out int errno)
    {
        var fd = Open(path, OpenWriteOnly | OpenCreate | OpenExclusive | OpenCloseOnExec, DefaultCreateMode);
        errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>mkdir(2); 0 or the errno.</summary>
    public static int CreateDirectory(string path) => MkDir(path, DefaultDirectoryMode) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>symlink(2); 0 or the errno.</summary>
    public static int CreateSymbolicLink(string path, string target) => SymLink(target, path) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>Writes all of <paramref name="data"/> at <paramref name="offset"/> (pwrite, retried on short writes and EINTR).</summary>
    public static void WriteAt(SafeFileHandle file, ReadOnlySpan<byte> data, long offset, string name)
    {
        while (!data.IsEmpty)
        {
            var written = PWrite(file, data, (nuint)data.Length, offset);
            if (written < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Interrupted)
                {
                    continue;
                }

                throw Failure("writing", name, errno);
            }

            data = data[(int)written..];
            offset += written;
        }
    }

    /// <summary>Sets the permission bits and the modification time (the access time is left alone).</summary>
    public static void SetModeAndTime(SafeFileHandle file, UnixFileMode mode, DateTime modifiedUtc, string name)
    {
        if (FChmod(file, (uint)mode) != 0)
        {
            throw Failure("setting the mode of", name, Marshal.GetLastPInvokeError());
        }

        var ticks = modifiedUtc.Ticks - DateTime.UnixEpoch.Ticks;
        var times = new NativeFileTimes(new NativeTimeSpec(0, TimeOmitted),
            new NativeTimeSpec(ticks / TimeSpan.TicksPerSecond, ticks % TimeSpan.TicksPerSecond * 100));
        if (FutImens(file, times) != 0)
        {
            throw Failure("setting the time of", name, Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>Reserves the blocks of a large file up front; fails only when the file cannot fit.</summary>
    public static void Reserve(SafeFileHandle file, long length, string name)
    {
        // fallocate(2), not posix_fallocate(3), which would emulate it by writing where it is unsupported.
        var errno = FAllocate(file, 0, 0, length) == 0 ? 0 : Marshal.GetLastPInvokeError();
        // ENOSPC and EFBIG mean it cannot fit; anything else (say, no fallocate on this file system) is no reason to stop.
        if (errno is 28 or 27)
        {
            throw Failure($"reserving {length} bytes for", name, errno);
        }
    }

    public static IOException Failure(string action, string name, int errno) =>
        new($"{action} '{name}' failed: {Marshal.GetPInvokeErrorMessage(errno)}");
}
