using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Querying;

/// <summary><c>Api::LinksBuilder</c>: self/first/last always, next and previous when they exist; offset replaced or appended.</summary>
internal static partial class Links
{
    [GeneratedRegex(@"(?<=[?&])offset=[^&]*")]
    private static partial Regex OffsetParameter();

    public static int Pages(int total, int limit) => total == 0 ? 0 : (total + limit - 1) / limit;

    public static JObject Build(string requestUrl, int offset, int limit, int total)
    {
        var links = new JObject { ["self"] = WithOffset(requestUrl, offset) };
        if (offset + limit < total)
        {
            links["next"] = WithOffset(requestUrl, offset + limit);
        }

        if (offset > 0)
        {
            links["previous"] = WithOffset(requestUrl, Math.Max(0, offset - limit));
        }

        links["first"] = WithOffset(requestUrl, 0);
        links["last"] = WithOffset(requestUrl, total - (total % limit));
        return links;
    }

    private static string WithOffset(string url, int offset)
    {
        var value = "offset=" + offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (OffsetParameter().IsMatch(url))
        {
            return OffsetParameter().Replace(url, value, 1);
        }

        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + value;
    }
}
