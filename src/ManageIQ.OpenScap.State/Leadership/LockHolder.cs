using System.Globalization;
using System.Text;

namespace ManageIQ.OpenScap.State.Leadership;

/// <summary>
/// What the holder writes into <c>bridge.lock</c> for an operator (<c>cat bridge.lock</c>) and for the process waiting
/// behind it: one <c>key=value</c> per line. The lock itself is the flock, never this text.
/// </summary>
internal sealed record LockHolder(int ProcessId, string Host, string Identity, DateTimeOffset Since)
{
    /// <summary>The most of the file a reader looks at.</summary>
    public const int MaxBytes = 4096;

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture,
        $"pid={ProcessId}\nhost={Host}\nidentity={Identity}\nsince={Since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n"));

    /// <summary>
    /// A one-line description of who holds the lock, from the file's bytes: "pid 42 on host h (identity i, since t)",
    /// or, for text this program did not write, that text cleaned of control characters.
    /// </summary>
    public static string Describe(ReadOnlySpan<byte> content)
    {
        var text = Encoding.UTF8.GetString(content[..Math.Min(content.Length, MaxBytes)]);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                fields[line[..equals]] = Clean(line[(equals + 1)..]);
            }
        }

        if (fields.TryGetValue("pid", out var pid) && fields.TryGetValue("host", out var host))
        {
            return $"pid {pid} on host {host} (identity {fields.GetValueOrDefault("identity", "?")}, since {fields.GetValueOrDefault("since", "?")})";
        }

        var cleaned = Clean(text);
        return cleaned.Length == 0 ? "a process that wrote nothing into it" : $"a process that wrote '{cleaned}'";
    }

    private static string Clean(string value)
    {
        var kept = new string([.. value.Where(c => !char.IsControl(c))]).Trim();
        return kept.Length > 200 ? kept[..200] : kept;
    }
}
