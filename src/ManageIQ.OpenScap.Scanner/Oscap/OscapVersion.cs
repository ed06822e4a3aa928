using System.Text.RegularExpressions;

namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>The version <c>oscap --version</c> prints, and what it implies.</summary>
public static partial class OscapVersion
{
    private static readonly Version FirstWithDpkgStatusParser = new(1, 3, 10);

    /// <summary>Reads <c>OpenSCAP command line tool (oscap) 1.3.7</c>.</summary>
    /// <exception cref="FormatException">No version in the text.</exception>
    public static Version Parse(string versionOutput)
    {
        var match = VersionPattern().Match(versionOutput ?? string.Empty);
        if (!match.Success)
        {
            throw new FormatException("oscap --version printed no version: " + Truncate(versionOutput));
        }

        return new Version(int.Parse(match.Groups[1].ValueSpan, provider: null), int.Parse(match.Groups[2].ValueSpan, provider: null), int.Parse(match.Groups[3].ValueSpan, provider: null));
    }

    /// <summary>
    /// Before 1.3.10 the dpkginfo probe used libapt-pkg and the host's apt configuration, which breaks offline
    /// scans (reference §3.3); 1.3.10 and 1.4 parse <c>var/lib/dpkg/status</c> directly.
    /// </summary>
    public static bool NeedsAptConfigWorkaround(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version < FirstWithDpkgStatusParser;
    }

    private static string Truncate(string? text) => text is null ? "(nothing)" : text.Length <= 200 ? text : text[..200];

    [GeneratedRegex(@"\(oscap\)\s+(\d+)\.(\d+)\.(\d+)")]
    private static partial Regex VersionPattern();
}
