using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// Lists one directory by its handle (getdents64): names and kinds as the directory records them,
/// with no stat of what a link points to (which would follow it).
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class DirectoryListing
{
    private const int BufferBytes = 64 * 1024;
    private const byte UnknownType = 0;
    private const byte DirectoryType = 4;
    private const byte SymbolicLinkType = 10;
    /// <summary>UTF-8 that refuses invalid bytes instead of replacing them (a replaced name could not be named back).</summary>
    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The entries of <paramref name="directory"/> except <c>.</c> and <c>..</c>; <paramref name="name"/> is for messages.</summary>
    public static List<(string Name, EntryKind Kind)> Read(SafeFileHandle directory, string name)
    {
        var entries = new List<(string, EntryKind)>();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            int length;
            while ((length = NativeMethods.ReadDirectoryEntries(directory, buffer.AsSpan(0, BufferBytes), name)) > 0)
            {
                var offset = 0;
                while (offset < length)
                {
                    // struct linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name (NUL-terminated).
                    var record = buffer.AsSpan(offset, MemoryMarshal.Read<ushort>(buffer.AsSpan(offset + 16)));
                    var type = record[18];
                    var nameBytes = record[19..];
                    nameBytes = nameBytes[..nameBytes.IndexOf((byte)0)];
                    offset += record.Length;
                    if (nameBytes.SequenceEqual("."u8) || nameBytes.SequenceEqual(".."u8))
                    {
                        continue;
                    }

                    var entry = Decode(nameBytes, name);
                    entries.Add((entry, KindOf(type, directory, entry)));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return entries;
    }

    private static EntryKind KindOf(byte type, SafeFileHandle directory, string entry) => type switch
    {
        DirectoryType => EntryKind.Directory,
        SymbolicLinkType => EntryKind.SymbolicLink,
        // Some file systems do not record the type: ask lstat.
        UnknownType => NativeMethods.StatNoFollow(directory, entry)?.Kind ?? EntryKind.None,
        _ => EntryKind.File,
    };

    private static string Decode(ReadOnlySpan<byte> bytes, string directory)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            // The unpacker writes only UTF-8 names; anything else was not put there by it, and a
            // name that cannot be named back could hide a link from the confinement.
            throw new LayerException(ImageAcquisitionFailure.UnsafeLayer, $"a name in '/{directory}' is not valid UTF-8", ex);
        }
    }
}
