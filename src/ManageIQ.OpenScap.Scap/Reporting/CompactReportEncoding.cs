using System.IO.Compression;
using System.Text;

namespace ManageIQ.OpenScap.Scap.Reporting;

/// <summary>The wire form of <c>openscap_report_html</c>: the page's UTF-8 bytes, gzip-compressed, then base64 (standard alphabet, padded).</summary>
public static class CompactReportEncoding
{
    /// <summary>Most characters <see cref="Decode"/> returns: far above any page that fits ManageIQ's attribute.</summary>
    public const int MaxDecodedLength = 4 << 20;

    public static string Encode(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(html));
        }

        return Convert.ToBase64String(compressed.GetBuffer(), 0, (int)compressed.Length);
    }

    /// <summary>The page back from its attribute value, e.g. to serve it.</summary>
    /// <exception cref="FormatException">The value is not base64.</exception>
    /// <exception cref="InvalidDataException">The bytes are not gzip, or decode to more than <see cref="MaxDecodedLength"/> characters.</exception>
    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(encoded)), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var buffer = new char[8192];
        var html = new StringBuilder();
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            html.Append(buffer, 0, n);
            if (html.Length > MaxDecodedLength)
            {
                throw new InvalidDataException($"the report decodes to more than {MaxDecodedLength} characters");
            }
        }

        return html.ToString();
    }
}
