namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>
/// The APT_CONFIG file that keeps oscap 1.3.7's libapt-pkg-based dpkginfo probe away from the host's apt
/// settings (reference §3.3): no configuration parts, and a package cache directory that does not exist
/// in the target, so the cache is built in memory and nothing is written into the image.
/// </summary>
public static class AptConfigWorkaround
{
    /// <summary>Writes the configuration under <paramref name="directory"/> and returns its path.</summary>
    public static string Write(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var full = Path.GetFullPath(directory);
        var emptyParts = Path.Combine(full, "apt-empty-parts");
        Directory.CreateDirectory(emptyParts);
        var config = Path.Combine(full, "apt-oscap.conf");
        // apt does not expand variables: the paths must be literal and absolute.
        File.WriteAllText(config, $"Dir::Etc::parts \"{emptyParts}\";\nDir::Cache \"/nonexistent-oscap-apt-cache/\";\n");
        return config;
    }
}
