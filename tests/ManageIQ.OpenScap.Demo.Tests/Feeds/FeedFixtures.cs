using ManageIQ.OpenScap.Demo.Tests.Support;

namespace ManageIQ.OpenScap.Demo.Tests.Feeds;

/// <summary>A small security archive: each kind of package the feed builder meets, with changelogs shaped like Debian's.</summary>
internal static class FeedFixtures
{
    public const string Zlib = """
        zlib (1:1.2.13.dfsg-1+deb12u1) bookworm-security; urgency=high

          * Non-maintainer upload by the LTS Team.
          * CVE-2026-27171 - DoS via infinite loop. (Closes: #1128336).
          * CVE-2026-85091 - Heap Buffer Overflow. (Closes: #1146895).

         -- Tobias Frost <tobi@debian.org>  Sat, 28 Nov 2026 21:17:18 +0100

        zlib (1:1.2.13.dfsg-1) unstable; urgency=low

          * New upstream release. Fixes CVE-2022-37434.

         -- Mark Brown <broonie@debian.org>  Sat, 05 Nov 2022 12:24:46 +0000
        """;

    public const string Apt = """
        apt (2.6.2) bookworm-security; urgency=medium

          * SECURITY UPDATE: Download verification bypass
            - CVE-2026-109518

         -- Julian Andres Klode <jak@debian.org>  Mon, 02 Nov 2026 13:55:59 +0100

        apt (2.6.1) unstable; urgency=medium

          * Bug fixes.

         -- Julian Andres Klode <jak@debian.org>  Mon, 02 Jan 2023 13:55:59 +0100
        """;

    /// <summary>The archive: zlib (one binary), pam (a binary whose doc directory is a link, then one with the changelog), apt (native), bash (not newer).</summary>
    public static IReadOnlyList<FakeDeb> Archive { get; } =
    [
        new("zlib1g", "1:1.2.13.dfsg-1+deb12u1", "zlib", Zlib),
        new("libpam-modules", "1.5.2-6+deb12u3", "pam", null),
        new("libpam0g", "1.5.2-6+deb12u3", "pam", Debian.DebianChangelogTests.Pam),
        new("apt", "2.6.2", "apt", Apt, Native: true),
        new("bash", "5.2.15-2+b7", "bash", "bash (5.2.15-2) unstable; urgency=low\n\n  * CVE-2000-0001.\n\n -- T <t@localhost>  Mon, 02 Jan 2023 13:55:59 +0100\n"),
    ];

    /// <summary>A dpkg status file of an image built from the point release.</summary>
    public static string PointReleaseStatus { get; } = Status(
        ("zlib1g", "zlib", "1:1.2.13.dfsg-1"),
        ("libpam-modules", "pam", "1.5.2-6+deb12u1"),
        ("libpam0g", "pam", "1.5.2-6+deb12u1"),
        ("apt", "apt", "2.6.1"),
        ("bash", "bash", "5.2.15-2+b7"),
        ("base-files", "base-files", "12.4+deb12u11"));

    public static string Status(params (string Name, string Source, string Version)[] packages) =>
        string.Concat(packages.Select(p => $"Package: {p.Name}\nStatus: install ok installed\nSource: {p.Source}\nVersion: {p.Version}\nArchitecture: amd64\n\n"));
}
