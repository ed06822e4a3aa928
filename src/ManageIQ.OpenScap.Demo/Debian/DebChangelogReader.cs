using System.Formats.Tar;
using System.Text.RegularExpressions;
using ManageIQ.OpenScap.Demo.Tools;

namespace ManageIQ.OpenScap.Demo.Debian;

/// <summary>
/// Reads the Debian changelog inside a downloaded .deb: <c>usr/share/doc/PACKAGE/changelog.Debian.gz</c>, or for a native
/// package (a version without a Debian revision, such as apt's) <c>changelog.gz</c>, which is then the Debian one.
/// <c>dpkg-deb --fsys-tarfile</c> streams the package's files as a tar, read entry by entry until the changelog, within bounds.
/// </summary>
public static partial class DebChangelogReader
{
    public const long MaxChangelogBytes = 16L * 1024 * 1024;
    public const int MaxEntries = 200_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The changelog's entries newer than <paramref name="installed"/>; null when the package has no changelog of its
    /// own (its doc directory is a link to another package of the same source).
    /// </summary>
    /// <param name="debPath">The .deb.</param>
    /// <param name="native">The package is native: its <c>changelog.gz</c> is its Debian changelog.</param>
    /// <param name="installed">Entries up to this version are not read.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static Task<IReadOnlyList<ChangelogEntry>?> EntriesAfterAsync(string debPath, bool native, DebianVersion installed, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(debPath);
        var path = native ? NativeChangelogPath() : ChangelogPath();
        var name = Path.GetFileName(debPath);
        return ToolRunner.ReadAsync(
            new ToolCommand("dpkg-deb", ["--fsys-tarfile", debPath], Timeout),
            async (stream, token) =>
            {
                await using var tar = new TarReader(stream, leaveOpen: true);
                for (var count = 0; await tar.GetNextEntryAsync(copyData: false, token).ConfigureAwait(false) is { } entry; count++)
                {
                    if (count == MaxEntries)
                    {
                        throw new InvalidDataException($"{name} holds more than {MaxEntries} files.");
                    }

                    if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !path.IsMatch(entry.Name))
                    {
                        continue;
                    }

                    if (entry.Length > MaxChangelogBytes)
                    {
                        throw new InvalidDataException($"{name}: {entry.Name} holds {entry.Length} bytes; the most read is {MaxChangelogBytes}.");
                    }

                    return entry.DataStream is null ? [] : DebianChangelog.EntriesAfter(entry.DataStream, installed, name + ":" + entry.Name.TrimStart('.', '/'));
                }

                return (IReadOnlyList<ChangelogEntry>?)null;
            },
            cancellationToken);
    }

    [GeneratedRegex(@"^(\./)?usr/share/doc/[^/]+/changelog\.Debian\.gz$", RegexOptions.CultureInvariant)]
    private static partial Regex ChangelogPath();

    [GeneratedRegex(@"^(\./)?usr/share/doc/[^/]+/changelog(\.Debian)?\.gz$", RegexOptions.CultureInvariant)]
    private static partial Regex NativeChangelogPath();
}
