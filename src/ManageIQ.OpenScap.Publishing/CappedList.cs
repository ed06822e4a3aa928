using System.Globalization;
using System.Text;

namespace ManageIQ.OpenScap.Publishing;

/// <summary>
/// Joins ids into one attribute value of at most a given length, ending with "and N more" when some do not fit,
/// so a value never grows with the image and the reader still learns how many were left out.
/// </summary>
public static class CappedList
{
    public const string Separator = ", ";

    public static string Join(IReadOnlyCollection<string> items, int maxLength, string separator = Separator)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(separator);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 32);
        var text = new StringBuilder();
        var written = 0;
        foreach (var item in items)
        {
            var left = items.Count - written - 1;
            // Room for this item and, when more follow, the longest possible tail.
            var tail = left == 0 ? 0 : Tail(left).Length;
            var next = (written == 0 ? 0 : separator.Length) + item.Length;
            if (text.Length + next + tail > maxLength)
            {
                return Close(text, items.Count - written);
            }

            if (written > 0)
            {
                text.Append(separator);
            }

            text.Append(item);
            written++;
        }

        return text.ToString();
    }

    private static string Close(StringBuilder text, int omitted) =>
        text.Length == 0 ? string.Create(CultureInfo.InvariantCulture, $"{omitted} more") : text.Append(Tail(omitted)).ToString();

    private static string Tail(int omitted) => string.Create(CultureInfo.InvariantCulture, $" and {omitted} more");
}
