namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>A fast path for ManageIQ's time format <c>yyyy-MM-ddTHH:mm:ssZ</c>; anything else goes to the general parser.</summary>
internal static class IsoUtc
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
        {
            return false;
        }

        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year == 0 ? 1 : year, month) || hour > 23 || minute > 59 || second > 59 || year == 0)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
