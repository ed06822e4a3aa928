using ManageIQ.OpenScap.Demo.Tools;
using ManageIQ.OpenScap.Scanner.Content;

namespace ManageIQ.OpenScap.Demo;

/// <summary>What <c>bridge demo</c> needs on the machine (tests/setup.sh installs it), checked before it starts.</summary>
public static class DemoPrerequisites
{
    /// <summary>The programs the demo runs, with the package each comes in.</summary>
    public static IReadOnlyList<(string Program, string Package)> Programs { get; } =
    [
        ("mmdebstrap", "mmdebstrap"), ("umoci", "umoci"), ("skopeo", "skopeo"), ("docker-registry", "docker-registry"),
        ("apt-get", "apt"), ("apt-cache", "apt"), ("dpkg-deb", "dpkg"), ("oscap", "openscap-scanner"),
    ];

    /// <summary>Each thing missing, in one sentence; empty when the demo can run.</summary>
    public static IReadOnlyList<string> Missing(bool root)
    {
        var missing = new List<string>();
        if (!root)
        {
            missing.Add("bridge demo builds Debian root filesystems with mmdebstrap as root and serves and scans them: run it as root (sudo).");
        }

        var programs = Programs.Where(p => !ToolRunner.IsOnPath(p.Program)).ToList();
        if (programs.Count > 0)
        {
            missing.Add($"Not on PATH: {string.Join(", ", programs.Select(p => $"{p.Program} (package {p.Package})"))}. Run tests/setup.sh.");
        }

        const string dataStream = Hosting.DemoServiceSettings.DataStream;
        if (!DefaultDistributionContent.SearchDirectories.Any(d => File.Exists(Path.Combine(d, dataStream))))
        {
            missing.Add($"No {dataStream} in {string.Join(" or ", DefaultDistributionContent.SearchDirectories)}: run tests/setup.sh, which installs it from trixie's ssg-debian.");
        }

        return missing;
    }
}
