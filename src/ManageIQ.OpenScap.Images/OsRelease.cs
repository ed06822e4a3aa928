namespace ManageIQ.OpenScap.Images;

/// <summary>The distribution of a root filesystem, from its os-release file (os-release(5)).</summary>
public sealed record OsRelease
{
    private const int MaxFileBytes = 64 * 1024;
    private static readonly string[] Locations = ["etc/os-release", "usr/lib/os-release"];

    /// <summary>ID, e.g. <c>debian</c>, <c>ubuntu</c>, <c>rhel</c>; <c>linux</c> when the file omits it.</summary>
    public required string Id { get; init; }

    /// <summary>VERSION_ID, e.g. <c>12</c>, <c>22.04</c>, <c>9.4</c>; null for rolling releases.</summary>
    public string? VersionId { get; init; }

    /// <summary>ID_LIKE, space-separated in the file.</summary>
    public IReadOnlyList<string> IdLike { get; init; } = [];

    public string? PrettyName { get; init; }

    /// <summary>Parses os-release content: KEY=VALUE lines, values optionally quoted with shell escapes.</summary>
    public static OsRelease Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || equals <= 0)
            {
                continue;
            }

            values[line[..equals]] = Unquote(line[(equals + 1)..]);
        }

        return new OsRelease
        {
            Id = NonEmpty(values.GetValueOrDefault("ID"))?.ToLowerInvariant() ?? "linux",
            VersionId = NonEmpty(values.GetValueOrDefault("VERSION_ID")),
            IdLike = (values.GetValueOrDefault("ID_LIKE") ?? string.Empty)
                .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            PrettyName = NonEmpty(values.GetValueOrDefault("PRETTY_NAME")),
        };
    }

    /// <summary>
    /// Reads <c>etc/os-release</c>, else <c>usr/lib/os-release</c>, of the root filesystem at
    /// <paramref name="rootPath"/>, resolving symbolic links as if <paramref name="rootPath"/> were <c>/</c>
    /// (etc/os-release is usually a link to ../usr/lib/os-release), so a hostile link cannot make
    /// it read a file of the host. Returns null when neither exists.
    /// </summary>
    public static OsRelease? ReadFromRoot(string rootPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootPath);
        foreach (var location in Locations)
        {
            string resolved;
            try
            {
                resolved = Unpacking.RootedPath.Resolve(rootPath, location);
            }
            catch (IOException)
            {
                // A link loop: as absent as it would be inside the container.
                continue;
            }

            var info = new FileInfo(resolved);
            if (!info.Exists || info.LinkTarget is not null)
            {
                continue;
            }

            using var stream = new FileStream(resolved, FileMode.Open, FileAccess.Read, FileShare.Read);
            var buffer = new byte[Math.Min(info.Length, MaxFileBytes)];
            stream.ReadExactly(buffer);
            return Parse(System.Text.Encoding.UTF8.GetString(buffer));
        }

        return null;
    }

    public override string ToString() => PrettyName ?? (Id + (VersionId is null ? string.Empty : " " + VersionId));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
        {
            var inner = value[1..^1];
            return value[0] == '\'' ? inner : UnescapeDoubleQuoted(inner);
        }

        return value;
    }

    private static string UnescapeDoubleQuoted(string inner)
    {
        var builder = new System.Text.StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length && inner[i + 1] is '\\' or '"' or '$' or '`')
            {
                i++;
            }

            builder.Append(inner[i]);
        }

        return builder.ToString();
    }
}
