using System.Globalization;

namespace ManageIQ.OpenScap.Demo.Debian;

/// <summary>
/// A Debian package version, <c>[epoch:]upstream[-revision]</c>, ordered as dpkg orders them (deb-version(7)):
/// <c>~</c> before anything, then the end of the string, then letters, then other characters; digits as numbers.
/// </summary>
public sealed partial class DebianVersion : IComparable<DebianVersion>, IEquatable<DebianVersion>
{
    /// <summary>Longer strings are not versions; dpkg has no limit, but nothing real comes near it.</summary>
    public const int MaxLength = 256;

    private DebianVersion(long epoch, string upstream, string revision, string text)
    {
        Epoch = epoch;
        Upstream = upstream;
        Revision = revision;
        Text = text;
    }

    public long Epoch { get; }

    public string Upstream { get; }

    /// <summary>The Debian revision; empty for a native package.</summary>
    public string Revision { get; }

    /// <summary>The version as it was written.</summary>
    public string Text { get; }

    /// <summary>
    /// The form OVAL's <c>debian_evr_string</c> compares, with the epoch always written: <c>0:3.0.15-1~deb12u1</c>.
    /// </summary>
    public string Evr => Epoch.ToString(CultureInfo.InvariantCulture) + ":" + Upstream + (Revision.Length == 0 ? string.Empty : "-" + Revision);

    public static DebianVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a Debian version ([epoch:]upstream[-revision], upstream starting with a digit).");

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DebianVersion? version)
    {
        version = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        long epoch = 0;
        var rest = text;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            if (colon == 0 || !text[..colon].All(char.IsAsciiDigit) || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out epoch))
            {
                return false;
            }

            rest = text[(colon + 1)..];
        }

        var dash = rest.LastIndexOf('-');
        var upstream = dash >= 0 ? rest[..dash] : rest;
        var revision = dash >= 0 ? rest[(dash + 1)..] : string.Empty;
        if (upstream.Length == 0 || !char.IsAsciiDigit(upstream[0]) || (dash >= 0 && revision.Length == 0)
            || !upstream.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '~' or '-' or ':')
            || !revision.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '~'))
        {
            return false;
        }

        version = new DebianVersion(epoch, upstream, revision, text);
        return true;
    }

    public int CompareTo(DebianVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var epoch = Epoch.CompareTo(other.Epoch);
        if (epoch != 0)
        {
            return epoch;
        }

        var upstream = Compare(Upstream, other.Upstream);
        return upstream != 0 ? upstream : Compare(Revision, other.Revision);
    }

    public bool Equals(DebianVersion? other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is DebianVersion other && Equals(other);

    // Equal versions may be written differently (1.0 and 1.00): hash what equality compares, leading zeros stripped.
    public override int GetHashCode() => HashCode.Combine(Epoch, Normal(Upstream), Normal(Revision));

    public override string ToString() => Text;

    public static bool operator <(DebianVersion left, DebianVersion right) => Compare(left, right) < 0;

    public static bool operator >(DebianVersion left, DebianVersion right) => Compare(left, right) > 0;

    public static bool operator <=(DebianVersion left, DebianVersion right) => Compare(left, right) <= 0;

    public static bool operator >=(DebianVersion left, DebianVersion right) => Compare(left, right) >= 0;

    public static bool operator ==(DebianVersion? left, DebianVersion? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(DebianVersion? left, DebianVersion? right) => !(left == right);

    private static int Compare(DebianVersion? left, DebianVersion? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    /// <summary>dpkg's verrevcmp.</summary>
    private static int Compare(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var ac = i < a.Length ? Order(a[i]) : 0;
                var bc = j < b.Length ? Order(b[j]) : 0;
                if (ac != bc)
                {
                    return ac - bc;
                }

                i++;
                j++;
            }

            while (i < a.Length && a[i] == '0')
            {
                i++;
            }

            while (j < b.Length && b[j] == '0')
            {
                j++;
            }

            var firstDifference = 0;
            while (i < a.Length && char.IsAsciiDigit(a[i]) && j < b.Length && char.IsAsciiDigit(b[j]))
            {
                if (firstDifference == 0)
                {
                    firstDifference = a[i] - b[j];
                }

                i++;
                j++;
            }

            if (i < a.Length && char.IsAsciiDigit(a[i]))
            {
                return 1;
            }

            if (j < b.Length && char.IsAsciiDigit(b[j]))
            {
                return -1;
            }

            if (firstDifference != 0)
            {
                return firstDifference;
            }
        }

        return 0;
    }

    private static int Order(char c) => c switch
    {
        '~' => -1,
        _ when char.IsAsciiDigit(c) => 0,
        _ when char.IsAsciiLetter(c) => c,
        _ => c + 256,
    };

    // verrevcmp skips the zeros that lead a run of digits, so 1.0, 1.00 and 1. are one version.
    private static string Normal(string part) => LeadingZeros().Replace(part, string.Empty);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![0-9])0+")]
    private static partial System.Text.RegularExpressions.Regex LeadingZeros();
}
