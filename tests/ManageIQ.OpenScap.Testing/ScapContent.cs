namespace ManageIQ.OpenScap.Testing;

/// <summary>Where tests/setup.sh installs SCAP Security Guide content.</summary>
public static class ScapContent
{
    public static IReadOnlyList<string> SearchDirectories { get; } =
    [
        Environment.GetEnvironmentVariable("MIQ_OPENSCAP_CONTENT_DIR") ?? "/usr/local/share/xml/scap/ssg/content",
        "/usr/share/xml/scap/ssg/content",
    ];

    /// <summary>The Debian 12 data stream; fails the test with a pointer to the set-up script when absent.</summary>
    public static string Debian12DataStream => Find("ssg-debian12-ds.xml");

    public static string Find(string fileName)
    {
        foreach (var dir in SearchDirectories)
        {
            var path = Path.Combine(dir, fileName);
            if (File.Exists(path))
            {
                return path;
            }
        }

        Assert.Fail($"{fileName} not found in {string.Join(", ", SearchDirectories)}; run tests/setup.sh as root");
        return string.Empty;
    }
}
