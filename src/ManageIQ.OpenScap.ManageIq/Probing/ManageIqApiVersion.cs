using System.Globalization;
using System.Text.RegularExpressions;

namespace ManageIQ.OpenScap.ManageIq.Probing;

/// <summary>
/// <c>ManageIQ::Api::VERSION</c> as the entrypoint reports it (<c>4.2.0</c>, <c>4.4.0-pre</c>), ordered as semantic
/// versions are: a pre-release comes before its release, so <c>4.2.0-pre</c> (a development build) is below <c>4.2.0</c>.
/// </summary>
public sealed partial record ManageIqApiVersion(int Major, int Minor, int Patch, string? PreRelease) : IComparable<ManageIqApiVersion>
{
    public static bool TryParse(string? text, out ManageIqApiVersion? version)
    {
        version = null;
        var match = text is null ? null : Shape().Match(text);
        if (match is not { Success: true }
            || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        var patch = 0;
        if (match.Groups[3].Success && !int.TryParse(match.Groups[3].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out patch))
        {
            return false;
        }

        version = new ManageIqApiVersion(major, minor, patch, match.Groups[4].Success ? match.Groups[4].Value : null);
        return true;
    }

    public int CompareTo(ManageIqApiVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var numbers = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (numbers != 0)
        {
            return numbers;
        }

        return (PreRelease, other.PreRelease) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => string.CompareOrdinal(PreRelease, other.PreRelease),
        };
    }

    public static bool operator <(ManageIqApiVersion left, ManageIqApiVersion right) => left is null ? right is not null : left.CompareTo(right) < 0;

    public static bool operator >(ManageIqApiVersion left, ManageIqApiVersion right) => left is not null && left.CompareTo(right) > 0;

    public static bool operator <=(ManageIqApiVersion left, ManageIqApiVersion right) => !(left > right);

    public static bool operator >=(ManageIqApiVersion left, ManageIqApiVersion right) => !(left < right);

    public override string ToString() => PreRelease is null ? $"{Major}.{Minor}.{Patch}" : $"{Major}.{Minor}.{Patch}-{PreRelease}";

    [GeneratedRegex(@"^(\d{1,6})\.(\d{1,6})(?:\.(\d{1,6}))?(?:-([0-9A-Za-z.-]{1,40}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
