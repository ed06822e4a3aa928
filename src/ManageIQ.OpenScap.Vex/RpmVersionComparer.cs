namespace ManageIQ.OpenScap.Vex;

/// <summary>
/// Orders <c>epoch:version-release</c> strings as rpm does (<c>rpmvercmp</c>: alternating digit and letter
/// segments, digits numerically and above letters, <c>~</c> below everything, <c>^</c> above the end), which is
/// also how oscap's <c>evr_string</c> comparison orders them.
/// </summary>
public sealed class RpmVersionComparer : IComparer<string>
{
    public static RpmVersionComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var (xEpoch, xVersion, xRelease) = Split(x);
        var (yEpoch, yVersion, yRelease) = Split(y);
        var result = Segments(xEpoch, yEpoch);
        if (result == 0)
        {
            result = Segments(xVersion, yVersion);
        }

        return result != 0 ? result : Segments(xRelease, yRelease);
    }

    private static (string Epoch, string Version, string Release) Split(string evr)
    {
        var colon = evr.IndexOf(':', StringComparison.Ordinal);
        var epoch = colon > 0 ? evr[..colon] : "0";
        var rest = colon >= 0 ? evr[(colon + 1)..] : evr;
        var dash = rest.LastIndexOf('-');
        return dash >= 0 ? (epoch, rest[..dash], rest[(dash + 1)..]) : (epoch, rest, string.Empty);
    }

    /// <summary>rpmvercmp of one part.</summary>
    private static int Segments(string a, string b)
    {
        if (a == b)
        {
            return 0;
        }

        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while (i < a.Length && !char.IsAsciiLetterOrDigit(a[i]) && a[i] is not ('~' or '^'))
            {
                i++;
            }

            while (j < b.Length && !char.IsAsciiLetterOrDigit(b[j]) && b[j] is not ('~' or '^'))
            {
                j++;
            }

            // A tilde sorts before anything, even the end.
            if ((i < a.Length && a[i] == '~') || (j < b.Length && b[j] == '~'))
            {
                if (i >= a.Length || a[i] != '~')
                {
                    return 1;
                }

                if (j >= b.Length || b[j] != '~')
                {
                    return -1;
                }

                i++;
                j++;
                continue;
            }

            // A caret sorts after the end but before any other segment.
            if ((i < a.Length && a[i] == '^') || (j < b.Length && b[j] == '^'))
            {
                if (i >= a.Length)
                {
                    return -1;
                }

                if (j >= b.Length)
                {
                    return 1;
                }

                if (a[i] != '^')
                {
                    return 1;
                }

                if (b[j] != '^')
                {
                    return -1;
                }

                i++;
                j++;
                continue;
            }

            if (i >= a.Length || j >= b.Length)
            {
                break;
            }

            var numeric = char.IsAsciiDigit(a[i]);
            var startA = i;
            var startB = j;
            while (i < a.Length && (numeric ? char.IsAsciiDigit(a[i]) : char.IsAsciiLetter(a[i])))
            {
                i++;
            }

            while (j < b.Length && (numeric ? char.IsAsciiDigit(b[j]) : char.IsAsciiLetter(b[j])))
            {
                j++;
            }

            if (j == startB)
            {
                // Segments of different kinds: a number is newer than letters.
                return numeric ? 1 : -1;
            }

            var segmentA = a.AsSpan(startA, i - startA);
            var segmentB = b.AsSpan(startB, j - startB);
            if (numeric)
            {
                segmentA = segmentA.TrimStart('0');
                segmentB = segmentB.TrimStart('0');
                if (segmentA.Length != segmentB.Length)
                {
                    return segmentA.Length > segmentB.Length ? 1 : -1;
                }
            }

            var order = segmentA.SequenceCompareTo(segmentB);
            if (order != 0)
            {
                return order > 0 ? 1 : -1;
            }
        }

        return i >= a.Length && j >= b.Length ? 0 : i < a.Length ? 1 : -1;
    }
}
