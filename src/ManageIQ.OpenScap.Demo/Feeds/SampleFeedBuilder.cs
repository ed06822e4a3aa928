using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ManageIQ.OpenScap.Demo.Apt;
using ManageIQ.OpenScap.Demo.Debian;
using ManageIQ.OpenScap.Demo.Tools;

namespace ManageIQ.OpenScap.Demo.Feeds;

/// <summary>
/// Builds the demo's CVE feed from Debian's own data, offline but for apt: for the packages the images have, the
/// newer versions of the security suite (<c>apt-get download</c> from the machine's archive) and the CVE ids their
/// <c>changelog.Debian.gz</c> names in each newer entry. An image built from the point release is then vulnerable to
/// exactly those CVEs, with real ids and real fixed versions. The feed is written as Debian-style OVAL, checked with
/// <c>oscap oval validate</c>, and kept: a later run for the same images reuses it untouched.
/// </summary>
public sealed class SampleFeedBuilder
{
    public const string FileName = "oval-definitions-bookworm.xml";
    public const string ManifestName = "feed.json";
    private static readonly TimeSpan ValidateTimeout = TimeSpan.FromMinutes(5);
    private readonly Func<string, PrivateApt> _apt;
    private readonly AptSource _security;
    private readonly TimeProvider _time;

    /// <param name="security">The security suite's source (the machine's <c>bookworm-security</c>).</param>
    /// <param name="time">The feed's date.</param>
    public SampleFeedBuilder(AptSource security, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(security);
        _security = security;
        _time = time;
        _apt = directory => new PrivateApt(directory, [security]);
    }

    /// <summary>The feed for <paramref name="images"/> in <paramref name="directory"/>: reused when it was built for the same package lists.</summary>
    public async Task<SampleFeed> BuildAsync(IReadOnlyList<FeedImage> images, string directory, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var key = Key(images);
        if (ReadManifest(directory) is { } known && known.Key == key && known.Format == FeedManifest.CurrentFormat && File.Exists(path))
        {
            return new SampleFeed(path, known.BuiltOn, known.Sources, known.Definitions, Reused: true);
        }

        var installed = Lowest(images);
        var apt = _apt(Path.Combine(directory, "apt"));
        progress?.Report($"apt-get update of {_security.Suite} into a private state directory");
        await apt.UpdateAsync(cancellationToken).ConfigureAwait(false);
        var newest = await apt.NewestVersionsAsync(installed.Keys, cancellationToken).ConfigureAwait(false);
        var outdated = installed.Values.Where(p => newest.TryGetValue(p.Name, out var update) && update > p.Version).ToList();

        var fixes = new Dictionary<string, (string Source, Dictionary<string, DebianVersion> Packages)>(StringComparer.Ordinal);
        var sources = new List<SourceUpdate>();
        foreach (var group in outdated.GroupBy(p => p.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var binaries = group.OrderBy(p => p.Name == group.Key ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
            var lowest = binaries.Select(p => p.Version).Min()!;
            progress?.Report($"apt-get download {binaries[0].Name}={newest[binaries[0].Name]} and read its changelog.Debian.gz");
            var entries = await ChangelogAsync(apt, group.Key, binaries, newest, lowest, Path.Combine(directory, "debs", group.Key), cancellationToken).ConfigureAwait(false);
            if (entries.Count == 0)
            {
                continue;
            }

            foreach (var binary in binaries)
            {
                // Binaries versioned as their source take each entry's version; others (a binNMU) the update's own.
                var tracksSource = newest[binary.Name] == entries[0].Version;
                foreach (var entry in entries.Where(e => e.Version > binary.Version))
                {
                    foreach (var cve in entry.Cves)
                    {
                        if (!fixes.TryGetValue(cve, out var fix))
                        {
                            fixes[cve] = fix = (group.Key, new Dictionary<string, DebianVersion>(StringComparer.Ordinal));
                        }

                        // Newest entry first: the first naming a CVE is its latest fix (an earlier one may have been incomplete).
                        fix.Packages.TryAdd(binary.Name, tracksSource ? entry.Version : newest[binary.Name]);
                    }
                }
            }

            var named = entries.SelectMany(e => e.Cves).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            sources.Add(new SourceUpdate(group.Key, lowest.Text, entries[0].Version.Text, [.. binaries.Select(b => b.Name)], named));
        }

        var cveFixes = fixes.Select(f => new CveFix(f.Key, f.Value.Source, [.. f.Value.Packages.Select(p => new PackageFix(p.Key, p.Value))])).ToList();
        var builtOn = _time.GetUtcNow();
        progress?.Report($"writing {cveFixes.Count} OVAL definitions and checking them with oscap oval validate");
        var partial = path + ".unchecked";
        DebianOvalWriter.Save(DebianOvalWriter.Build(cveFixes, builtOn), partial);
        await ToolRunner.RunAsync(new ToolCommand("oscap", ["oval", "validate", partial], ValidateTimeout), cancellationToken).ConfigureAwait(false);
        File.Move(partial, path, overwrite: true);
        var manifest = new FeedManifest { Format = FeedManifest.CurrentFormat, Key = key, BuiltOn = builtOn, Definitions = cveFixes.Count, Sources = sources };
        await File.WriteAllTextAsync(Path.Combine(directory, ManifestName), JsonSerializer.Serialize(manifest, FeedJsonContext.Default.FeedManifest), cancellationToken).ConfigureAwait(false);
        return new SampleFeed(path, builtOn, sources, cveFixes.Count, Reused: false);
    }

    /// <summary>The entries of the first of the source's binaries whose update carries the changelog (others may link to it).</summary>
    private async Task<IReadOnlyList<ChangelogEntry>> ChangelogAsync(PrivateApt apt, string source, List<InstalledPackage> binaries, IReadOnlyDictionary<string, DebianVersion> newest, DebianVersion lowest, string debs, CancellationToken cancellationToken)
    {
        foreach (var binary in binaries)
        {
            var update = newest[binary.Name];
            var deb = await apt.DownloadAsync(binary.Name, update, debs, cancellationToken).ConfigureAwait(false);
            if (await DebChangelogReader.EntriesAfterAsync(deb, update.Revision.Length == 0, lowest, cancellationToken).ConfigureAwait(false) is { } entries)
            {
                return entries;
            }
        }

        throw new InvalidDataException($"No package of the source {source} ({string.Join(", ", binaries.Select(b => b.Name))}) in {_security.Suite} carries a usr/share/doc/*/changelog.Debian.gz (or, native, changelog.gz).");
    }

    /// <summary>Per binary package, its lowest installed version over the images: the feed must cover the oldest.</summary>
    private static Dictionary<string, InstalledPackage> Lowest(IReadOnlyList<FeedImage> images)
    {
        var lowest = new Dictionary<string, InstalledPackage>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            foreach (var package in DpkgStatus.ReadFile(image.DpkgStatusPath))
            {
                if (!lowest.TryGetValue(package.Name, out var known) || package.Version < known.Version)
                {
                    lowest[package.Name] = package;
                }
            }
        }

        return lowest;
    }

    private string Key(IReadOnlyList<FeedImage> images)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{FeedManifest.CurrentFormat}\n{_security.Uri}\n{_security.Suite}\n"));
        foreach (var image in images.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(image.Name + "\n"));
            if (new FileInfo(image.DpkgStatusPath) is { Exists: true, Length: > DpkgStatus.MaxBytes } large)
            {
                throw new InvalidDataException($"{image.DpkgStatusPath} holds {large.Length} bytes; the most read is {DpkgStatus.MaxBytes}.");
            }

            hash.AppendData(File.ReadAllBytes(image.DpkgStatusPath));
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static FeedManifest? ReadManifest(string directory)
    {
        var path = Path.Combine(directory, ManifestName);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), FeedJsonContext.Default.FeedManifest) : null;
        }
        catch (JsonException)
        {
            // A damaged manifest only costs a rebuild.
            return null;
        }
    }
}
