namespace ManageIQ.OpenScap.Testing;

/// <summary>The machine's Debian mirror, read at run time from its apt sources (never written into the repository).</summary>
public static class DebianMirror
{
    private const string SourcesFile = "/etc/apt/sources.list.d/debian.sources";

    public static string Read()
    {
        if (!File.Exists(SourcesFile))
        {
            throw new InvalidOperationException($"{SourcesFile} not found: cannot tell mmdebstrap which mirror to use");
        }

        var uri = File.ReadLines(SourcesFile)
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("URIs:", StringComparison.OrdinalIgnoreCase))
            .Select(line => line["URIs:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0])
            .FirstOrDefault(u => !u.Contains("security", StringComparison.OrdinalIgnoreCase));
        return uri ?? throw new InvalidOperationException($"no URIs line in {SourcesFile}");
    }
}
