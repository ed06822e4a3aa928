using System.Buffers.Binary;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// Numeric tar header fields read exactly as System.Formats.Tar reads them: octal digits (up to the
/// first NUL, spaces trimmed, an empty field is zero), or GNU base-256 (first byte 0x80, then
/// big-endian). A field the reader would refuse, or a negative one, is refused here too.
/// </summary>
internal static class TarNumber
{
    private const byte Base256Positive = 0x80;

    /// <summary>The size field (12 bytes); false when it is not a number the tar reader accepts as a size.</summary>
    public static bool TryParseSize(ReadOnlySpan<byte> field, out long size)
    {
        size = 0;
        if (field.IsEmpty)
        {
            return false;
        }

        if (field[0] == Base256Positive)
        {
            // 11 big-endian bytes; the three highest must be zero for the value to fit a long.
            var value = field[1..];
            if (value[..3].ContainsAnyExcept((byte)0) || (value[3] & 0x80) != 0)
            {
                return false;
            }

            size = BinaryPrimitives.ReadInt64BigEndian(value[3..]);
            return true;
        }

        // 0xFF starts a signed base-256 number: negative, or too large for a long.
        return field[0] != 0xFF && TryParseOctal(field, out size);
    }

    public static bool TryParseOctal(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        var end = field.IndexOf((byte)0);
        var digits = (end < 0 ? field : field[..end]).Trim((byte)' ');
        foreach (var digit in digits)
        {
            var d = digit - (byte)'0';
            if (d is < 0 or > 7 || value > (long.MaxValue >> 3))
            {
                return false;
            }

            value = (value << 3) + d;
        }

        return true;
    }
}
