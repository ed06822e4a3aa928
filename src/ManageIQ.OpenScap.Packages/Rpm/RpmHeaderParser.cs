using System.Buffers.Binary;
using System.Text;

namespace ManageIQ.OpenScap.Packages.Rpm;

/// <summary>
/// Reads one RPM header as rpm stores it in its database (the header "blob", without the lead's magic): index
/// count and data length, then the index entries (tag, type, offset, count), then the data; all big-endian. Every
/// offset and count is checked against the blob, which comes from an image and is hostile input.
/// </summary>
internal static class RpmHeaderParser
{
    /// <summary>rpm's own caps (<c>header.c</c>: HEADER_TAGS_MAX, HEADER_DATA_MAX).</summary>
    internal const int MaxEntries = 0xffff;
    internal const int MaxDataBytes = 0x0fffffff;

    private const int EntryBytes = 16;
    private const int Int32Type = 4;
    private const int StringType = 6;
    private const int I18nStringType = 9;

    /// <summary>The package a header describes.</summary>
    /// <param name="blob">The header.</param>
    /// <param name="where">Names the header in messages (<c>var/lib/rpm/rpmdb.sqlite, hnum 12</c>).</param>
    /// <exception cref="PackageInventoryException">The header is truncated, inconsistent or lacks a name or version.</exception>
    public static InstalledPackage Parse(ReadOnlySpan<byte> blob, string where)
    {
        if (blob.Length < 8)
        {
            throw Bad(where, $"is {blob.Length} bytes, shorter than a header's 8-byte preamble");
        }

        var entries = BinaryPrimitives.ReadInt32BigEndian(blob);
        var dataLength = BinaryPrimitives.ReadInt32BigEndian(blob[4..]);
        if (entries is < 1 or > MaxEntries)
        {
            throw Bad(where, $"claims {entries} index entries (1 to {MaxEntries} allowed)");
        }

        if (dataLength is < 0 or > MaxDataBytes)
        {
            throw Bad(where, $"claims {dataLength} data bytes (0 to {MaxDataBytes} allowed)");
        }

        var dataStart = 8L + ((long)entries * EntryBytes);
        if (dataStart + dataLength > blob.Length)
        {
            throw Bad(where, $"claims {entries} index entries and {dataLength} data bytes, {dataStart + dataLength} bytes in all, but has {blob.Length}");
        }

        var data = blob.Slice((int)dataStart, dataLength);
        string? name = null, version = null, release = null, arch = null, sourceRpm = null;
        int? epoch = null;
        for (var i = 0; i < entries; i++)
        {
            var entry = blob.Slice(8 + (i * EntryBytes), EntryBytes);
            var tag = BinaryPrimitives.ReadInt32BigEndian(entry);
            var type = BinaryPrimitives.ReadInt32BigEndian(entry[4..]);
            var offset = BinaryPrimitives.ReadInt32BigEndian(entry[8..]);
            var count = BinaryPrimitives.ReadInt32BigEndian(entry[12..]);
            switch ((RpmHeaderTag)tag)
            {
                case RpmHeaderTag.Name: name = ReadString(data, tag, type, offset, count, where); break;
                case RpmHeaderTag.Version: version = ReadString(data, tag, type, offset, count, where); break;
                case RpmHeaderTag.Release: release = ReadString(data, tag, type, offset, count, where); break;
                case RpmHeaderTag.Arch: arch = ReadString(data, tag, type, offset, count, where); break;
                case RpmHeaderTag.SourceRpm: sourceRpm = ReadString(data, tag, type, offset, count, where); break;
                case RpmHeaderTag.Epoch: epoch = ReadInt32(data, tag, type, offset, count, where); break;
                default: break;
            }
        }

        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version) || release is null)
        {
            throw Bad(where, "has no NAME, VERSION or RELEASE tag");
        }

        var evr = (epoch is { } e ? e.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" : string.Empty) + version + "-" + release;
        var (sourceName, sourceVersion) = SourceRpmName.Parse(sourceRpm) is { } source
            ? (source.Name, (epoch is { } se ? se.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" : string.Empty) + source.VersionRelease)
            : (name, evr);
        return new InstalledPackage(name, evr, arch ?? string.Empty, sourceName, sourceVersion);
    }

    private static string ReadString(ReadOnlySpan<byte> data, int tag, int type, int offset, int count, string where)
    {
        if (type is not (StringType or I18nStringType) || count < 1)
        {
            throw Bad(where, $"tag {tag} has type {type} and count {count}, not a string");
        }

        if (offset < 0 || offset >= data.Length)
        {
            throw Bad(where, $"tag {tag}'s offset {offset} is outside its {data.Length} data bytes");
        }

        var end = data[offset..].IndexOf((byte)0);
        if (end < 0)
        {
            throw Bad(where, $"tag {tag}'s string at offset {offset} runs past the end of the data");
        }

        try
        {
            return Strict.GetString(data.Slice(offset, end));
        }
        catch (DecoderFallbackException)
        {
            throw Bad(where, $"tag {tag}'s string at offset {offset} is not UTF-8");
        }
    }

    private static int ReadInt32(ReadOnlySpan<byte> data, int tag, int type, int offset, int count, string where)
    {
        if (type != Int32Type || count < 1)
        {
            throw Bad(where, $"tag {tag} has type {type} and count {count}, not a 32-bit integer");
        }

        // Integers are aligned to 4 bytes in the data; an unaligned or outlying offset is not rpm's.
        if (offset < 0 || offset % 4 != 0 || (long)offset + 4 > data.Length)
        {
            throw Bad(where, $"tag {tag}'s offset {offset} is outside its {data.Length} data bytes or unaligned");
        }

        return BinaryPrimitives.ReadInt32BigEndian(data[offset..]);
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static PackageInventoryException Bad(string where, string what) => new($"{where}: the RPM header {what}, so it is not a header rpm wrote.");
}
