using System.Text;

namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// A hostile image whose links lead to a canary file and directory on this host, outside any
/// unpack root: at every file the data stream reads with textfilecontent54 and at the usual
/// configuration files, in every shape (absolute; relative with excess <c>..</c>; a chain of links;
/// a link to a directory; a link or file of a lower layer replaced by a link in an upper one).
/// A scan must show the canary text nowhere.
/// </summary>
public sealed class CanaryImage : IDisposable
{
    /// <summary>The configuration files every hostile image tries, whatever the data stream reads.</summary>
    public static IReadOnlyList<string> UsualFiles { get; } =
    [
        "/etc/login.defs", "/etc/sudoers", "/etc/ssh/sshd_config", "/etc/pam.d/common-auth", "/etc/pam.d/common-account",
        "/etc/pam.d/common-password", "/etc/pam.d/common-session", "/etc/pam.d/login", "/etc/pam.d/su", "/etc/fstab",
        "/etc/os-release", "/etc/bash.bashrc", "/etc/profile", "/root/.bashrc", "/root/.profile", "/etc/skel/.bashrc",
    ];

    /// <summary>
    /// Left real: /etc/debian_version decides that the Debian 12 platform applies (with a canary
    /// there every rule would be not applicable and read nothing), and usr/lib/os-release names
    /// the distribution the content is chosen by.
    /// </summary>
    public static IReadOnlyList<string> KeptReal { get; } = ["/etc/debian_version", "/usr/lib/os-release"];

    private static readonly string[] Judged = ["pass", "fail"];
    private const string ChainDirectory = ".canary-chain";
    private const int ExcessParents = 64;
    private readonly TempDirectory _host;
    private readonly TempDirectory _scratch;

    private CanaryImage(TempDirectory host, string token, BuiltImage image, IReadOnlyList<CanaryPlacement> placements)
    {
        _host = host;
        _scratch = new TempDirectory();
        Token = token;
        Image = image;
        Placements = placements;
        image.WriteOciLayout(_scratch.Combine("layout"), "12");
    }

    /// <summary>The text of the canary; its path carries no part of it, so a path in an output is no false alarm.</summary>
    public string Token { get; }

    /// <summary>The canary's directory on this host (outside every root).</summary>
    public string HostDirectory => _host.Path;

    public BuiltImage Image { get; }

    /// <summary>The image as an OCI layout: <c>oci:PATH:12</c>.</summary>
    public string Reference => $"oci:{_scratch.Combine("layout")}:12";

    /// <summary>A scratch directory (holding the layout) for the scans' work and results.</summary>
    public string ScratchDirectory => _scratch.Path;

    public IReadOnlyList<CanaryPlacement> Placements { get; }

    /// <summary>Builds the canary on this host (world-readable, as an unprivileged scanner could read it) and the image leading to it.</summary>
    public static CanaryImage Create(string dataStreamPath)
    {
        var token = "CANARY-" + Guid.NewGuid().ToString("N");
        var read = TextFileContentPaths.FromDataStream(dataStreamPath);
        var host = new TempDirectory("miq-host-");
        try
        {
            var plan = CanaryPlan.Make(read, UsualFiles, KeptReal);
            WriteHostCanary(host, token, plan.Files.Select(f => f[(f.LastIndexOf('/') + 1)..]));
            var (lower, upper, placements) = Layers(plan, host.Path);
            using var root = new TempDirectory();
            SyntheticDebianRoot.Write(root.Path);
            var image = new TestImage()
                .Layer(TestLayer.FromDirectory(root.Path).Append(lower))
                .Layer(upper)
                .Build();
            return new CanaryImage(host, token, image, placements);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Asserts that the results directory holds <paramref name="expectedFiles"/> and that neither
    /// any file in it nor any of <paramref name="texts"/> (logs, HTTP answers) holds the canary text.
    /// </summary>
    public void AssertNotIn(string resultsDirectory, IEnumerable<string> expectedFiles, params (string Name, string Text)[] texts)
    {
        var files = Directory.GetFiles(resultsDirectory);
        Assert.That(files.Select(Path.GetFileName), Is.SupersetOf(expectedFiles), "the scan's outputs");
        var found = files.Where(f => File.ReadAllText(f).Contains(Token, StringComparison.Ordinal)).Select(Path.GetFileName).ToList();
        found.AddRange(texts.Where(t => t.Text.Contains(Token, StringComparison.Ordinal)).Select(t => t.Name));
        Assert.That(found, Is.Empty, "outputs holding the host's canary text");
    }

    /// <summary>Asserts from a summary.json that rules were judged: the platform applied and the scan read the image, it did not skip it.</summary>
    public static void AssertEvaluated(string summaryJson)
    {
        using var summary = System.Text.Json.JsonDocument.Parse(summaryJson);
        var results = summary.RootElement.GetProperty("results");
        var judged = Judged.Sum(r => results.TryGetProperty(r, out var n) ? n.GetInt32() : 0);
        Assert.That(judged, Is.GreaterThan(0), summaryJson);
    }

    /// <summary>Asserts that every placement is still a link in <paramref name="rootfs"/> and that the kernel, following it from the host, stays inside.</summary>
    public void AssertConfined(string rootfs)
    {
        ArgumentNullException.ThrowIfNull(rootfs);
        var paths = Placements.Select(p => rootfs + p.Path).ToList();
        Assert.That(paths.Where(p => new FileInfo(p).LinkTarget is null), Is.Empty, "placements that are no longer links");
        var psi = new System.Diagnostics.ProcessStartInfo("realpath", ["-m", "--", .. paths]) { RedirectStandardOutput = true };
        using var realpath = System.Diagnostics.Process.Start(psi)!;
        var resolved = realpath.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        realpath.WaitForExit();
        Assert.That(resolved, Has.Length.EqualTo(paths.Count));
        Assert.That(resolved.Where(r => !r.StartsWith(rootfs + "/", StringComparison.Ordinal)), Is.Empty, "links the kernel resolves outside the root");
    }

    /// <summary>A new directory below <see cref="ScratchDirectory"/> for one scan.</summary>
    public string RunDirectory(string name) => Directory.CreateDirectory(_scratch.Combine(name)).FullName;

    public void Dispose()
    {
        _scratch.Dispose();
        _host.Dispose();
    }

    /// <summary>Lines the SSG checks match (so a leak shows in the results), each carrying the token.</summary>
    private static string Content(string token) => string.Join('\n',
    [
        $"Defaults env_reset {token}", $"Defaults use_pty {token}", $"PASS_MAX_DAYS {token}", $"PermitRootLogin {token}",
        $"auth required pam_faillock.so {token}", $"password requisite pam_pwquality.so {token}", $"session optional pam_umask.so {token}",
        $"umask {token}", $"UMASK {token}", $"/dev/sda1 /tmp ext4 {token} 0 0", $"ID={token}", $"VERSION_ID={token}",
        $"-w /etc/localtime -p wa -k {token}", $"log_file = {token}", $"*.* @@{token}", $"deb http://{token} bookworm main",
        $"TMOUT={token}", $"GRUB_CMDLINE_LINUX=\"{token}\"", $"SELINUX={token}", token,
    ]) + "\n";

    private static void WriteHostCanary(TempDirectory host, string token, IEnumerable<string> names)
    {
        var content = Content(token);
        var directory = host.Combine("dir");
        Directory.CreateDirectory(directory);
        File.WriteAllText(host.Combine("data"), content);
        foreach (var name in names.Append("canary").Distinct(StringComparer.Ordinal))
        {
            File.WriteAllText(Path.Combine(directory, name), content);
        }

        // TempDirectory makes 0700; an unprivileged scanner must be able to read it for the test to mean anything.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var path in Directory.EnumerateFileSystemEntries(host.Path, "*", SearchOption.AllDirectories).Append(host.Path))
        {
            File.SetUnixFileMode(path, Directory.Exists(path) ? (UnixFileMode)0x1ED : (UnixFileMode)0x1A4);
        }
    }

    private static (TestLayer Lower, TestLayer Upper, IReadOnlyList<CanaryPlacement> Placements) Layers(CanaryPlan plan, string host)
    {
        // Read-only, as images ship some directories: an unprivileged scanner must still rewrite the links in it.
        var lower = new TestLayer().Directory(ChainDirectory, (UnixFileMode)0x16D);
        var upper = new TestLayer();
        var placements = new List<CanaryPlacement>();
        var hostData = host + "/data";
        var hostDirectory = host + "/dir";
        var shapes = Enum.GetValues<CanaryShape>();
        var index = 0;
        foreach (var (path, isDirectory) in plan.Files.Select(f => (f, false)).Concat(plan.Directories.Select(d => (d, true))))
        {
            // Directories take the shapes a directory can have in one layer.
            var shape = isDirectory ? shapes[index % 3] : shapes[index % shapes.Length];
            index++;
            var name = path.TrimStart('/');
            var target = isDirectory ? hostDirectory : hostData;
            switch (shape)
            {
                case CanaryShape.Absolute:
                    upper.Symlink(name, target);
                    break;
                case CanaryShape.ExcessParents:
                    upper.Symlink(name, string.Concat(Enumerable.Repeat("../", ExcessParents)) + target.TrimStart('/'));
                    break;
                case CanaryShape.Chain:
                    var hop = $"{ChainDirectory}/{index}";
                    upper.Symlink(name, "/" + hop + "-a");
                    lower.Symlink(hop + "-a", $"{index}-b");
                    lower.Symlink(hop + "-b", string.Concat(Enumerable.Repeat("../", ExcessParents)) + target.TrimStart('/'));
                    break;
                case CanaryShape.LowerLinkReplaced:
                    lower.Symlink(name, "/nonexistent-lower-layer");
                    upper.Symlink(name, target);
                    break;
                default:
                    lower.File(name, "the lower layer's harmless file\n");
                    upper.Symlink(name, target);
                    break;
            }

            placements.Add(new CanaryPlacement(path, shape, isDirectory));
        }

        return (lower, upper, placements);
    }

    /// <summary>For messages: the placements, one per line.</summary>
    public string Describe() => new StringBuilder().AppendJoin('\n', Placements.Select(p => $"{p.Path} ({p.Shape}{(p.IsDirectory ? ", directory" : string.Empty)})")).ToString();
}
