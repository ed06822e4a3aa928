using System.Text;

namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// Writes a small Debian 12 root filesystem that oscap can evaluate offline: os-release, dpkg status
/// with real bookworm package versions, dpkg's cputable and tupletable (oscap 1.3.7's dpkginfo probe
/// needs them) and a few configuration files the SSG rules read.
/// </summary>
public static class SyntheticDebianRoot
{
    /// <summary>Real bookworm versions; openssl 3.0.11 is older than the fixes of CVE-2023-5678 and later.</summary>
    public static IReadOnlyList<DebianPackage> DefaultPackages { get; } =
    [
        new("base-files", "12.4+deb12u11"),
        new("openssl", "3.0.11-1~deb12u2"),
        new("libssl3", "3.0.11-1~deb12u2"),
        new("bash", "5.2.15-2+b7"),
        new("login", "1:4.13+dfsg1-1+b1"),
        new("tzdata", "2024a-0+deb12u1", "all"),
    ];

    public static void Write(string root, IEnumerable<DebianPackage>? packages = null, string debianVersion = "12.15", DpkgLayout layout = DpkgLayout.StatusFile)
    {
        packages ??= DefaultPackages;
        WriteFile(root, "etc/os-release", OsRelease);
        WriteFile(root, "usr/lib/os-release", OsRelease);
        WriteFile(root, "etc/debian_version", debianVersion + "\n");
        switch (layout)
        {
            case DpkgLayout.StatusFile:
                WriteFile(root, "var/lib/dpkg/status", DpkgStatus(packages, withStatus: true));
                WriteFile(root, "var/lib/dpkg/available", string.Empty);
                break;
            case DpkgLayout.StatusDirectory:
                foreach (var p in packages)
                {
                    WriteFile(root, "var/lib/dpkg/status.d/" + p.Name, DpkgStatus([p], withStatus: false));
                    WriteFile(root, "var/lib/dpkg/status.d/" + p.Name + ".md5sums", "d41d8cd98f00b204e9800998ecf8427e  usr/share/doc/" + p.Name + "/copyright\n");
                }

                break;
            case DpkgLayout.None:
                Directory.CreateDirectory(Path.Combine(root, "var/lib/dpkg"));
                break;
        }

        WriteFile(root, "etc/login.defs", "PASS_MAX_DAYS\t99999\nPASS_MIN_DAYS\t0\nPASS_WARN_AGE\t7\nUMASK\t\t022\nENCRYPT_METHOD SHA512\n");
        WriteFile(root, "etc/ssh/sshd_config", "PermitRootLogin yes\nX11Forwarding yes\n");
        WriteFile(root, "etc/passwd", "root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
        WriteFile(root, "etc/shadow", "root:*:19000:0:99999:7:::\nnobody:*:19000:0:99999:7:::\n");
        WriteFile(root, "etc/group", "root:x:0:\nshadow:x:42:\nnogroup:x:65534:\n");
        WriteFile(root, "etc/hostname", "synthetic-debian12\n");
        CopyHostFile(root, "usr/share/dpkg/cputable");
        CopyHostFile(root, "usr/share/dpkg/tupletable");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(root, "etc/shadow"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }
    }

    private const string OsRelease =
        "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\n" +
        "VERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL=\"https://www.debian.org/\"\n";

    private static string DpkgStatus(IEnumerable<DebianPackage> packages, bool withStatus)
    {
        var sb = new StringBuilder();
        foreach (var p in packages)
        {
            sb.Append("Package: ").Append(p.Name).Append('\n');
            if (withStatus)
            {
                sb.Append("Status: install ok installed\n");
            }

            if (p.Source is not null)
            {
                sb.Append("Source: ").Append(p.Source).Append('\n');
            }

            sb.Append("Priority: optional\nSection: misc\nInstalled-Size: 100\n")
              .Append("Maintainer: Debian <debian@localhost>\n")
              .Append("Architecture: ").Append(p.Architecture).Append('\n')
              .Append("Version: ").Append(p.Version).Append('\n')
              .Append("Description: ").Append(p.Name).Append(" (synthetic test package)\n\n");
        }

        return sb.ToString();
    }

    private static void WriteFile(string root, string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static void CopyHostFile(string root, string relative)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Path.Combine("/", relative), path, overwrite: true);
    }
}
