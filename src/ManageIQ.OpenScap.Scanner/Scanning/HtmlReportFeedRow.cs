using System.Net;
using System.Text;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>
/// Adds a "CVE feed" row after "Profile ID" in the evaluation characteristics of oscap's HTML report, so the report
/// says how many feed definitions were evaluated. The row is near the top; the rest of the file is copied as it is.
/// </summary>
internal static class HtmlReportFeedRow
{
    private const int SearchedBytes = 1 << 20;

    /// <summary>Returns false, leaving the report as it is, when it has no Profile ID row in its first MiB.</summary>
    public static async Task<bool> InsertAsync(string htmlPath, string text, CancellationToken cancellationToken)
    {
        var partial = htmlPath + ".partial";
        var input = new FileStream(htmlPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using (input.ConfigureAwait(false))
        {
            var head = new byte[(int)Math.Min(input.Length, SearchedBytes)];
            await input.ReadExactlyAsync(head, cancellationToken).ConfigureAwait(false);
            var at = head.AsSpan().IndexOf("<th>Profile ID</th>"u8);
            var rowEnd = at < 0 ? -1 : head.AsSpan(at).IndexOf("</tr>"u8);
            if (rowEnd < 0)
            {
                return false;
            }

            var split = at + rowEnd + "</tr>".Length;
            var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (output.ConfigureAwait(false))
            {
                await output.WriteAsync(head.AsMemory(0, split), cancellationToken).ConfigureAwait(false);
                await output.WriteAsync(Encoding.UTF8.GetBytes("<tr><th>CVE feed</th><td>" + WebUtility.HtmlEncode(text) + "</td></tr>"), cancellationToken).ConfigureAwait(false);
                await output.WriteAsync(head.AsMemory(split), cancellationToken).ConfigureAwait(false);
                await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            }
        }

        File.Move(partial, htmlPath, overwrite: true);
        return true;
    }
}
