using ManageIQ.OpenScap.ManageIq.Emulator.Http;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Querying;

/// <summary><c>ensure_pagination</c>: every collection GET pages; limit capped at the maximum page size.</summary>
internal sealed record Paging(int Offset, int Limit)
{
    public static Paging Parse(ApiContext context, int maxResultsPerPage)
    {
        var offset = Number(context, "offset") ?? 0;
        var limit = Number(context, "limit") ?? maxResultsPerPage;
        if (limit == 0)
        {
            throw ApiException.BadRequest("Limit must be greater than zero if offset is specified");
        }

        return new Paging(offset, Math.Min(limit, maxResultsPerPage));
    }

    private static int? Number(ApiContext context, string name)
    {
        var raw = context.QueryValue(name);
        if (raw is null)
        {
            return null;
        }

        if (raw.Length == 0 || !raw.All(char.IsAsciiDigit) || !int.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            throw ApiException.BadRequest($"Non numeric parameter: {name}");
        }

        return value;
    }
}
