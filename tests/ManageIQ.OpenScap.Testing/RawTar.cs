using System.Globalization;
using System.Text;

namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// Writes tar blocks by hand, so a test can give a header any type flag, size field or extended
/// record, including the ones a tar writer refuses to produce (hostile archives).
/// </summary>
public sealed class RawTar
{
    public const int BlockSize = 512;
    private readonly List<byte> _tar = [];

    /// <summary>A header whose size field is <paramref name="size"/> in octal; no data follows unless added.</summary>
    public RawTar Header(string name, char type, long size) => Header(name, type, OctalSize(size));

    /// <summary>A header with a size field of exactly these 12 bytes.</summary>
    public RawTar Header(string name, char type, byte[] sizeField)
    {
        _tar.AddRange(HeaderBlock(name, type, sizeField));
        return this;
    }

    /// <summary>Data, padded to the next block.</summary>
    public RawTar Data(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _tar.AddRange(data);
        _tar.AddRange(new byte[Padding(data.Length)]);
        return this;
    }

    /// <summary>A header of this type with <paramref name="data"/> as its content.</summary>
    public RawTar Entry(string name, char type, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Header(name, type, data.Length).Data(data);
    }

    public RawTar File(string name, string content) => Entry(name, '0', Encoding.UTF8.GetBytes(content));

    /// <summary>A PAX extended header ('x') holding <c>key=value</c> records, for the entry that follows.</summary>
    public RawTar Pax(params (string Key, string Value)[] records) => Entry("PaxHeaders/entry", 'x', PaxRecords(records));

    /// <summary>The archive, with its two zero end blocks.</summary>
    public byte[] ToArray() => [.. _tar, .. new byte[2 * BlockSize]];

    /// <summary>One ustar header block: mode 0644, owner 0, a valid checksum; <paramref name="linkName"/> for links.</summary>
    public static byte[] HeaderBlock(string name, char type, byte[] sizeField, string? linkName = null)
    {
        ArgumentNullException.ThrowIfNull(sizeField);
        if (sizeField.Length != 12)
        {
            throw new ArgumentException("a tar size field has 12 bytes", nameof(sizeField));
        }

        var block = new byte[BlockSize];
        Encoding.UTF8.GetBytes(name).AsSpan(0, Math.Min(100, Encoding.UTF8.GetByteCount(name))).CopyTo(block);
        "0000644\0"u8.CopyTo(block.AsSpan(100));
        "0000000\0"u8.CopyTo(block.AsSpan(108));
        "0000000\0"u8.CopyTo(block.AsSpan(116));
        sizeField.CopyTo(block.AsSpan(124));
        "14536151200\0"u8.CopyTo(block.AsSpan(136));
        block[156] = (byte)type;
        if (linkName is not null)
        {
            Encoding.UTF8.GetBytes(linkName).AsSpan(0, Math.Min(100, Encoding.UTF8.GetByteCount(linkName))).CopyTo(block.AsSpan(157));
        }

        "ustar\0"u8.CopyTo(block.AsSpan(257));
        "00"u8.CopyTo(block.AsSpan(263));
        "        "u8.CopyTo(block.AsSpan(148));
        var sum = block.Sum(b => (int)b);
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(block, 148);
        return block;
    }

    /// <summary>An octal size field (11 digits and a NUL), as tar writers produce below 8 GiB.</summary>
    public static byte[] OctalSize(long size) => Encoding.ASCII.GetBytes(Convert.ToString(size, 8).PadLeft(11, '0') + "\0");

    /// <summary>A GNU base-256 size field: 0x80, then the value big-endian in 11 bytes.</summary>
    public static byte[] Base256Size(UInt128 value)
    {
        var field = new byte[12];
        field[0] = 0x80;
        for (var i = 11; i >= 1; i--)
        {
            field[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return field;
    }

    /// <summary>PAX records, each <c>LENGTH key=value\n</c> with LENGTH counting the whole record.</summary>
    public static byte[] PaxRecords(params (string Key, string Value)[] records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var text = new StringBuilder();
        foreach (var (key, value) in records)
        {
            var body = " " + key + "=" + value + "\n";
            var bodyBytes = Encoding.UTF8.GetByteCount(body);
            var length = bodyBytes + 1;
            while (length != bodyBytes + length.ToString(CultureInfo.InvariantCulture).Length)
            {
                length++;
            }

            text.Append(length.ToString(CultureInfo.InvariantCulture)).Append(body);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static int Padding(long size) => (int)((BlockSize - (size % BlockSize)) % BlockSize);
}
