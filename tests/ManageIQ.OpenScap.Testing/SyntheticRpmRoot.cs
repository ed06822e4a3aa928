namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// Writes a small RHEL 9 root filesystem with a real RPM database: Debian's rpm tools (tests/setup.sh installs
/// <c>rpm</c>) initialise <c>var/lib/rpm/rpmdb.sqlite</c> in it (<c>rpm --initdb --root</c>) and install empty noarch
/// packages built with <c>rpmbuild</c>.
/// </summary>
public static class SyntheticRpmRoot
{
    /// <summary>The database directory, as the image names it.</summary>
    public const string DatabaseDirectory = "/var/lib/rpm";

    public static void Write(string root, string buildDirectory, IEnumerable<RpmPackage> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        const string osRelease = "NAME=\"Red Hat Enterprise Linux\"\nVERSION=\"9.4 (Plow)\"\nID=\"rhel\"\nID_LIKE=\"fedora\"\nVERSION_ID=\"9.4\"\nPRETTY_NAME=\"Red Hat Enterprise Linux 9.4 (Plow)\"\n";
        File.WriteAllText(Path.Combine(root, "etc/os-release"), osRelease);
        File.WriteAllText(Path.Combine(root, "etc/redhat-release"), "Red Hat Enterprise Linux release 9.4 (Plow)\n");
        string[] database = ["--root", Path.GetFullPath(root), "--dbpath", DatabaseDirectory];
        Shell.Run("rpm", [.. database, "--initdb"]);
        var specs = Directory.CreateDirectory(Path.Combine(buildDirectory, "SPECS")).FullName;
        foreach (var package in packages)
        {
            var spec = Path.Combine(specs, package.Name + ".spec");
            File.WriteAllText(spec, $"Name: {package.Name}\nVersion: {package.Version}\nRelease: {package.Release}\nSummary: synthetic test package\nLicense: MIT\nBuildArch: noarch\n%description\nsynthetic test package\n%files\n");
            Shell.Run("rpmbuild", "--quiet", "--define", "_topdir " + Path.GetFullPath(buildDirectory), "-bb", spec);
            var rpm = Path.Combine(buildDirectory, "RPMS", "noarch", $"{package.Name}-{package.Version}-{package.Release}.noarch.rpm");
            Shell.Run("rpm", [.. database, "-i", "--nodeps", "--noscripts", "--ignoreos", rpm]);
        }
    }
}
