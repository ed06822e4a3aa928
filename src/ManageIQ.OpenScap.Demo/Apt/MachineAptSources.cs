namespace ManageIQ.OpenScap.Demo.Apt;

/// <summary>
/// The machine's own apt sources (<c>/etc/apt/sources.list</c>, <c>sources.list.d/*.list</c> and <c>*.sources</c>),
/// read so that the demo downloads only from the archive the machine already uses. Disabled entries, <c>deb-src</c>
/// and inline keys are left out.
/// </summary>
public static class MachineAptSources
{
    public const string DefaultDirectory = "/etc/apt";
    private const long MaxFileBytes = 1024 * 1024;

    public static IReadOnlyList<AptSource> Read(string etcApt = DefaultDirectory)
    {
        var sources = new List<AptSource>();
        var list = Path.Combine(etcApt, "sources.list");
        if (File.Exists(list))
        {
            sources.AddRange(ParseList(ReadText(list)));
        }

        var parts = Path.Combine(etcApt, "sources.list.d");
        if (Directory.Exists(parts))
        {
            foreach (var file in Directory.EnumerateFiles(parts).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".list", StringComparison.Ordinal))
                {
                    sources.AddRange(ParseList(ReadText(file)));
                }
                else if (file.EndsWith(".sources", StringComparison.Ordinal))
                {
                    sources.AddRange(ParseDeb822(ReadText(file)));
                }
            }
        }

        return sources;
    }

    /// <summary>The source of <paramref name="suite"/> (e.g. <c>bookworm-security</c>); the error names what was found.</summary>
    public static AptSource Find(IReadOnlyList<AptSource> sources, string suite, string etcApt = DefaultDirectory)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return sources.FirstOrDefault(s => string.Equals(s.Suite, suite, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No apt source of the suite {suite} in {etcApt}/sources.list or {etcApt}/sources.list.d (suites found: {(sources.Count == 0 ? "none" : string.Join(", ", sources.Select(s => s.Suite).Distinct()))}). bridge demo builds Debian 12 images and their CVE feed from the machine's own Debian 12 archive: add it, then run apt-get update.");
    }

    /// <summary>One-line entries: <c>deb [options] URI suite component...</c>.</summary>
    public static IEnumerable<AptSource> ParseList(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#', 2)[0].Trim();
            if (!line.StartsWith("deb ", StringComparison.Ordinal) && !line.StartsWith("deb\t", StringComparison.Ordinal))
            {
                continue;
            }

            string? signedBy = null;
            var trusted = false;
            var rest = line[3..].Trim();
            if (rest.StartsWith('['))
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (close < 0)
                {
                    continue;
                }

                foreach (var option in rest[1..close].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var pair = option.Split('=', 2);
                    if (pair.Length == 2 && pair[0] == "signed-by")
                    {
                        signedBy = pair[1];
                    }
                    else if (pair.Length == 2 && pair[0] == "trusted")
                    {
                        trusted = pair[1] == "yes";
                    }
                }

                rest = rest[(close + 1)..].Trim();
            }

            var words = rest.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2)
            {
                yield return new AptSource(words[0], words[1], [.. words.Skip(2)]) { SignedBy = signedBy, Trusted = trusted };
            }
        }
    }

    /// <summary>deb822 stanzas (<c>Types</c>, <c>URIs</c>, <c>Suites</c>, <c>Components</c>, <c>Signed-By</c>, <c>Enabled</c>, <c>Trusted</c>).</summary>
    public static IEnumerable<AptSource> ParseDeb822(string text)
    {
        foreach (var stanza in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? last = null;
            foreach (var line in stanza.Split('\n'))
            {
                if (line.StartsWith('#') || line.Trim().Length == 0)
                {
                    continue;
                }

                if (line[0] is ' ' or '\t')
                {
                    // A continuation: an inline key block in Signed-By, which a file path cannot be.
                    if (last is not null)
                    {
                        fields[last] += "\n" + line;
                    }

                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    last = line[..colon].Trim();
                    fields[last] = line[(colon + 1)..].Trim();
                }
            }

            if (!Words(fields, "Types").Contains("deb") || string.Equals(fields.GetValueOrDefault("Enabled"), "no", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var signedBy = fields.GetValueOrDefault("Signed-By");
            if (signedBy is not null && (signedBy.Contains('\n', StringComparison.Ordinal) || !signedBy.StartsWith('/')))
            {
                signedBy = null;
            }

            var trusted = string.Equals(fields.GetValueOrDefault("Trusted"), "yes", StringComparison.OrdinalIgnoreCase);
            foreach (var uri in Words(fields, "URIs"))
            {
                foreach (var suite in Words(fields, "Suites"))
                {
                    yield return new AptSource(uri, suite, Words(fields, "Components")) { SignedBy = signedBy, Trusted = trusted };
                }
            }
        }
    }

    private static List<string> Words(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) ? [.. value.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)] : [];

    private static string ReadText(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw new InvalidDataException($"{path} holds {length} bytes; an apt sources file is read up to {MaxFileBytes}.");
        }

        return File.ReadAllText(path);
    }
}
