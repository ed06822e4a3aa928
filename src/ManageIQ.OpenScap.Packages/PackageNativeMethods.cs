using System.Runtime.InteropServices;

namespace ManageIQ.OpenScap.Packages;

/// <summary>statx(2) without following a link: the type of a name, which .NET does not tell apart for FIFOs and devices.</summary>
internal static partial class PackageNativeMethods
{
    public const int TypeMask = 0xF000;
    public const int RegularFile = 0x8000;
    public const int Directory = 0x4000;
    public const int SymbolicLink = 0xA000;

    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;

    /// <summary>A file type's name for messages.</summary>
    public static string Describe(int type) => type switch
    {
        RegularFile => "a regular file",
        Directory => "a directory",
        SymbolicLink => "a symbolic link",
        0x1000 => "a FIFO",
        0x2000 => "a character device",
        0x6000 => "a block device",
        0xC000 => "a socket",
        _ => "an unknown file type",
    };

    /// <summary>The S_IFMT bits of <paramref name="path"/> itself, or null when it does not exist or cannot be examined.</summary>
    public static int? FileType(string path) =>
        Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType, out var buffer) == 0 ? buffer.Mode & TypeMask : null;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>struct statx: the same layout on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;
    }
}
