using System.Globalization;
using System.Text;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// Finds the <c>size</c> record of a PAX extended header the way System.Formats.Tar walks the
/// records (<c>LENGTH key=value\n</c>, each up to the first newline, LENGTH checked, stopping at the
/// first record that does not parse), so the header guard and the tar reader agree on the entry's size.
/// </summary>
internal static class PaxSizeRecord
{
    /// <summary>
    /// The size the records give the next entry, or null when they give none (the header's size
    /// field then counts). Throws when the record is one the tar reader would fail on or a negative size.
    /// </summary>
    public static long? Find(ReadOnlySpan<byte> records)
    {
        while (true)
        {
            var newline = records.IndexOf((byte)'\n');
            if (newline < 0)
            {
                return null;
            }

            var line = records[..newline];
            var space = line.IndexOf((byte)' ');
            if (space < 0 || !int.TryParse(line[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length != line.Length + 1)
            {
                return null;
            }

            var record = line[(space + 1)..];
            var equals = record.IndexOf((byte)'=');
            if (equals < 0)
            {
                return null;
            }

            if (record[..equals].SequenceEqual("size"u8))
            {
                return Parse(Encoding.UTF8.GetString(record[(equals + 1)..]));
            }

            records = records[(newline + 1)..];
        }
    }

    private static long? Parse(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) || size < 0)
        {
            throw new LayerException(ImageAcquisitionFailure.UnsafeLayer, $"a PAX extended header gives the size '{Shorten(value)}', which is not a size");
        }

        return size;
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
