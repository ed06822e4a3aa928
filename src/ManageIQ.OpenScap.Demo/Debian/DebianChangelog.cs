using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ManageIQ.OpenScap.Demo.Debian;

/// <summary>
/// Reads a Debian package's <c>changelog.Debian.gz</c> from the top, newest entry first, and keeps the entries newer
/// than a version with the CVE ids each names. It stops at the first entry that is not newer, so it reads only the
/// part it needs; sizes and line lengths are bounded (the file comes from a downloaded package).
/// </summary>
public static partial class DebianChangelog
{
    /// <summary>The most bytes read after decompression; the longest real changelogs are a few megabytes.</summary>
    public const long MaxDecompressedBytes = 32L * 1024 * 1024;

    public const int MaxLineLength = 64 * 1024;

    public const int MaxEntries = 10_000;

    /// <summary>The entries of the gzip-compressed changelog newer than <paramref name="installed"/>, newest first.</summary>
    public static IReadOnlyList<ChangelogEntry> EntriesAfter(Stream compressed, DebianVersion installed, string source)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        using var bounded = new BoundedReadStream(gzip, MaxDecompressedBytes, source);
        using var reader = new StreamReader(bounded, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        return EntriesAfter(reader, installed, source);
    }

    public static IReadOnlyList<ChangelogEntry> EntriesAfter(TextReader reader, DebianVersion installed, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(installed);
        var entries = new List<ChangelogEntry>();
        (string Source, DebianVersion Version, string Distributions)? current = null;
        var cves = new List<string>();
        var number = 0;
        try
        {
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                number++;
                if (line.Length > MaxLineLength)
                {
                    throw new InvalidDataException($"{source}:{number}: a line of {line.Length} characters; the longest read is {MaxLineLength}.");
                }

                if (line.Length == 0 || line[0] is ' ' or '\t')
                {
                    if (current is not null)
                    {
                        foreach (Match cve in CveId().Matches(line))
                        {
                            if (!cves.Contains(cve.Value, StringComparer.Ordinal))
                            {
                                cves.Add(cve.Value);
                            }
                        }
                    }

                    continue;
                }

                // A line at column 0 starts an entry, or ends the parsable part (an "Old Changelog:" section, an editor's modeline).
                var header = Header().Match(line);
                if (current is { } done)
                {
                    entries.Add(new ChangelogEntry(done.Source, done.Version, done.Distributions, [.. cves]));
                    cves.Clear();
                    current = null;
                }

                if (!header.Success)
                {
                    if (entries.Count == 0)
                    {
                        throw new InvalidDataException($"{source}:{number}: '{Cut(line)}' is not a changelog entry's first line ('source (version) distributions; urgency=...').");
                    }

                    break;
                }

                if (!DebianVersion.TryParse(header.Groups["version"].Value, out var version))
                {
                    throw new InvalidDataException($"{source}:{number}: '{Cut(header.Groups["version"].Value)}' is not a Debian version.");
                }

                if (version <= installed)
                {
                    break;
                }

                if (entries.Count == MaxEntries)
                {
                    throw new InvalidDataException($"{source} has more than {MaxEntries} entries newer than {installed}.");
                }

                current = (header.Groups["source"].Value, version, header.Groups["distributions"].Value.Trim());
            }
        }
        catch (InvalidDataException e) when (e.InnerException is null && !e.Message.StartsWith(source, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }

        if (current is { } last)
        {
            entries.Add(new ChangelogEntry(last.Source, last.Version, last.Distributions, [.. cves]));
        }

        return entries;
    }

    private static string Cut(string text) => text.Length <= 80 ? text : text[..80] + "…";

    // dpkg-parsechangelog's header: "source (version) distribution...; key=value, ..."
    [GeneratedRegex(@"^(?<source>[A-Za-z0-9][-+.A-Za-z0-9]*) \((?<version>[^()\s]+)\)(?<distributions>(?:\s+[-+.A-Za-z0-9]+)+);", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Header();

    [GeneratedRegex(@"\bCVE-[0-9]{4}-[0-9]{4,7}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CveId();
}
