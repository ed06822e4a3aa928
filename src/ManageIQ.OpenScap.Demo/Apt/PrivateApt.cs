using ManageIQ.OpenScap.Demo.Debian;
using ManageIQ.OpenScap.Demo.Tools;

namespace ManageIQ.OpenScap.Demo.Apt;

/// <summary>
/// apt with a state directory of its own: its sources (only the ones given), lists, cache and downloads live under
/// <see cref="Directory"/>, so the machine's own apt configuration and package lists are never changed. It answers
/// which versions the sources offer (<c>apt-cache madison</c>) and downloads packages (<c>apt-get download</c>).
/// </summary>
public sealed class PrivateApt
{
    private static readonly TimeSpan UpdateTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan DownloadTimeout = TimeSpan.FromMinutes(10);
    private readonly IReadOnlyList<AptSource> _sources;

    public PrivateApt(string directory, IReadOnlyList<AptSource> sources)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            throw new ArgumentException("A private apt needs at least one source.", nameof(sources));
        }

        Directory = Path.GetFullPath(directory);
        _sources = sources;
    }

    public string Directory { get; }

    /// <summary>Writes the sources and fetches their package lists.</summary>
    public async Task UpdateAsync(CancellationToken cancellationToken)
    {
        foreach (var sub in new[] { "sources.list.d", "lists/partial", "cache", "archives/partial" })
        {
            System.IO.Directory.CreateDirectory(Path.Combine(Directory, sub));
        }

        await File.WriteAllTextAsync(Path.Combine(Directory, "sources.list.d", "demo.sources"), string.Join("\n", _sources.Select(s => s.ToDeb822())), cancellationToken).ConfigureAwait(false);
        await ToolRunner.RunAsync(Apt("apt-get", ["-q", "update"], UpdateTimeout), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The highest version of each package the sources offer; a package they do not have is left out.</summary>
    public async Task<IReadOnlyDictionary<string, DebianVersion>> NewestVersionsAsync(IEnumerable<string> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var names = packages.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var newest = new Dictionary<string, DebianVersion>(StringComparer.Ordinal);
        // Bounded command lines: madison takes many names at once.
        foreach (var chunk in names.Chunk(200))
        {
            var result = await ToolRunner.RunAsync(Apt("apt-cache", ["madison", .. chunk], QueryTimeout), cancellationToken).ConfigureAwait(false);
            foreach (var (name, version) in ParseMadison(result.StandardOutput))
            {
                if (!newest.TryGetValue(name, out var known) || version > known)
                {
                    newest[name] = version;
                }
            }
        }

        return newest;
    }

    /// <summary>Downloads one package version into <paramref name="directory"/> and returns the .deb's path.</summary>
    public async Task<string> DownloadAsync(string package, DebianVersion version, string directory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(package);
        ArgumentNullException.ThrowIfNull(version);
        var target = System.IO.Directory.CreateDirectory(directory).FullName;
        var before = System.IO.Directory.GetFiles(target, "*.deb").ToHashSet(StringComparer.Ordinal);
        await ToolRunner.RunAsync(Apt("apt-get", ["-q", "download", package + "=" + version.Text], DownloadTimeout) with { WorkingDirectory = target }, cancellationToken).ConfigureAwait(false);
        var added = System.IO.Directory.GetFiles(target, "*.deb").Where(f => !before.Contains(f)).ToList();
        // A repeated download replaces the same file name.
        var deb = added.Count == 1 ? added[0] : System.IO.Directory.GetFiles(target, package + "_*.deb").SingleOrDefault();
        return deb ?? throw new ToolException($"apt-get download {package}={version} left no {package}_*.deb in {target}.");
    }

    /// <summary>Lines of <c>apt-cache madison</c>: <c> name | version | uri suite/component arch Packages</c>.</summary>
    public static IEnumerable<(string Name, DebianVersion Version)> ParseMadison(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var line in output.Split('\n'))
        {
            var fields = line.Split('|');
            if (fields.Length == 3 && fields[2].Contains("Packages", StringComparison.Ordinal) && DebianVersion.TryParse(fields[1].Trim(), out var version))
            {
                yield return (fields[0].Trim(), version);
            }
        }
    }

    private ToolCommand Apt(string program, IReadOnlyList<string> arguments, TimeSpan timeout) => new(
        program,
        [
            "-o", "Dir::Etc::SourceList=/dev/null",
            "-o", "Dir::Etc::SourceParts=" + Path.Combine(Directory, "sources.list.d"),
            "-o", "Dir::State::Lists=" + Path.Combine(Directory, "lists"),
            "-o", "Dir::Cache=" + Path.Combine(Directory, "cache"),
            "-o", "Dir::Cache::archives=" + Path.Combine(Directory, "archives"),
            // As root, apt drops to _apt for downloads, which can't write into the demo's directories.
            "-o", "APT::Sandbox::User=root",
            .. arguments,
        ],
        timeout)
    {
        Environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" },
    };
}
