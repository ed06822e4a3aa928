namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// Writes a small RHEL 9 root filesystem with a real RPM database: Debian's rpm tools (tests/setup.sh installs
/// <c>rpm</c>) initialise <c>var/lib/rpm/rpmdb.sqlite</c> in it (<c>rpm --initdb --root</c>) and install empty noarch
/// packages built with <c>rpmbuild</c> (a source package's subpackages too).
/// </summary>
public static class SyntheticRpmRoot
{
    /// <summary>The database directory, as the image names it.</summary>
    public const string DatabaseDirectory = "/var/lib/rpm";

    /// <param name="root">The root filesystem to write.</param>
    /// <param name="buildDirectory">rpmbuild's top directory.</param>
    /// <param name="packages">The source packages, each built and its binary packages installed.</param>
    /// <param name="versionId">os-release VERSION_ID: <c>9.4</c> (RHEL 9), <c>10.0</c> (RHEL 10).</param>
    public static void Write(string root, string buildDirectory, IEnumerable<RpmPackage> packages, string versionId = "9.4")
    {
        ArgumentNullException.ThrowIfNull(packages);
        ArgumentException.ThrowIfNullOrEmpty(versionId);
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        var osRelease = $"NAME=\"Red Hat Enterprise Linux\"\nVERSION=\"{versionId}\"\nID=\"rhel\"\nID_LIKE=\"fedora\"\nVERSION_ID=\"{versionId}\"\nPRETTY_NAME=\"Red Hat Enterprise Linux {versionId}\"\n";
        File.WriteAllText(Path.Combine(root, "etc/os-release"), osRelease);
        File.WriteAllText(Path.Combine(root, "etc/redhat-release"), $"Red Hat Enterprise Linux release {versionId}\n");
        string[] database = [.. Database(root)];
        Shell.Run("rpm", [.. database, "--initdb"]);
        var specs = Directory.CreateDirectory(Path.Combine(buildDirectory, "SPECS")).FullName;
        foreach (var package in packages)
        {
            var spec = Path.Combine(specs, package.Name + ".spec");
            File.WriteAllText(spec, Spec(package));
            Shell.Run("rpmbuild", "--quiet", "--define", "_topdir " + Path.GetFullPath(buildDirectory), "-bb", spec);
            foreach (var binary in package.BinaryNames)
            {
                var rpm = Path.Combine(buildDirectory, "RPMS", "noarch", $"{binary}-{package.Version}-{package.Release}.noarch.rpm");
                Shell.Run("rpm", [.. database, "-i", "--nodeps", "--noscripts", "--ignoreos", rpm]);
            }
        }
    }

    /// <summary>rpm's options that name the root's database, sqlite as RHEL 9+ keeps it (Debian 12's rpm 4.18 defaults to it too).</summary>
    public static IReadOnlyList<string> Database(string root) => ["--root", Path.GetFullPath(root), "--dbpath", DatabaseDirectory, "--define", "_db_backend sqlite"];

    private static string Spec(RpmPackage package)
    {
        var epoch = package.Epoch is { } e ? $"Epoch: {e}\n" : string.Empty;
        var spec = $"Name: {package.Name}\n{epoch}Version: {package.Version}\nRelease: {package.Release}\nSummary: synthetic test package\nLicense: MIT\nBuildArch: noarch\n%description\nsynthetic test package\n%files\n";
        foreach (var sub in package.SubPackages ?? [])
        {
            spec += $"%package -n {sub}\nSummary: synthetic test subpackage\n%description -n {sub}\nsynthetic test subpackage\n%files -n {sub}\n";
        }

        return spec;
    }
}
