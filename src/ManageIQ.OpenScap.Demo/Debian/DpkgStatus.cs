using System.Text;

namespace ManageIQ.OpenScap.Demo.Debian;

/// <summary>
/// Reads the packages a root filesystem has installed from its <c>var/lib/dpkg/status</c> (deb822 stanzas), within
/// bounds: an image's file is untrusted input.
/// </summary>
public static class DpkgStatus
{
    public const string RelativePath = "var/lib/dpkg/status";
    public const long MaxBytes = 64L * 1024 * 1024;
    public const int MaxPackages = 100_000;

    /// <summary>The installed packages of the root at <paramref name="root"/>.</summary>
    /// <exception cref="InvalidDataException">The file is missing, too large, or holds a stanza that is not a package.</exception>
    public static IReadOnlyList<InstalledPackage> ReadRoot(string root) => ReadFile(Path.Combine(root, RelativePath));

    public static IReadOnlyList<InstalledPackage> ReadFile(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new InvalidDataException($"{path} does not exist: not a Debian root filesystem.");
        }

        if (file.Length > MaxBytes)
        {
            throw new InvalidDataException($"{path} holds {file.Length} bytes; the most read is {MaxBytes}.");
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        return Parse(reader, path);
    }

    public static IReadOnlyList<InstalledPackage> Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var packages = new List<InstalledPackage>();
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var line = 0;
        string? text;
        while (true)
        {
            text = reader.ReadLine();
            line++;
            if (text is null || text.Length == 0)
            {
                if (fields.Count > 0)
                {
                    if (Package(fields, source, line) is { } package)
                    {
                        if (packages.Count == MaxPackages)
                        {
                            throw new InvalidDataException($"{source} lists more than {MaxPackages} installed packages.");
                        }

                        packages.Add(package);
                    }

                    fields.Clear();
                }

                if (text is null)
                {
                    return packages;
                }

                continue;
            }

            if (text[0] is ' ' or '\t')
            {
                continue; // a continuation line (Description, Conffiles): nothing read here needs it
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"{source}:{line}: '{Cut(text)}' is not a 'Field: value' line.");
            }

            fields[text[..colon]] = text[(colon + 1)..].Trim();
        }
    }

    private static InstalledPackage? Package(Dictionary<string, string> fields, string source, int line)
    {
        // "install ok installed"; half-installed, config-files and not-installed stanzas are not on the system.
        if (!fields.TryGetValue("Status", out var status) || !status.EndsWith(" installed", StringComparison.Ordinal))
        {
            return null;
        }

        if (!fields.TryGetValue("Package", out var name) || name.Length == 0 || !fields.TryGetValue("Version", out var versionText))
        {
            throw new InvalidDataException($"{source}: the installed stanza ending at line {line} has no Package or Version.");
        }

        if (!DebianVersion.TryParse(versionText, out var version))
        {
            throw new InvalidDataException($"{source}: package {name} has the version '{Cut(versionText)}', which is not a Debian version.");
        }

        // "Source: glibc" or, for a binNMU, "Source: bash (5.2.15-2)".
        var sourceName = fields.TryGetValue("Source", out var declared) && declared.Length > 0 ? declared.Split(' ', 2)[0] : name;
        return new InstalledPackage(name, version, fields.GetValueOrDefault("Architecture") ?? "all", sourceName);
    }

    private static string Cut(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
