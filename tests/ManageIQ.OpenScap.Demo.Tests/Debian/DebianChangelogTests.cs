using System.IO.Compression;
using System.Text;
using ManageIQ.OpenScap.Demo.Debian;

namespace ManageIQ.OpenScap.Demo.Tests.Debian;

/// <summary>The entries of a Debian changelog newer than an installed version, and the CVE ids each names.</summary>
public sealed class DebianChangelogTests
{
    public const string Pam = """
        pam (1.5.2-6+deb12u3) bookworm-security; urgency=high

          * Non-maintainer upload by LTS team
          * Fix CVE-2024-22365 (Closes: #1061097)
          * Fix CVE-2025-6020 (Closes: #1107919); the previous fix was incomplete.

         -- Bastien Roucariès <rouca@debian.org>  Thu, 26 Nov 2026 00:00:51 +0100

        pam (1.5.2-6+deb12u2) bookworm; urgency=medium

          * Fix CVE-2025-6020: local privilege escalation in pam_namespace
            (also called CVE-2025-6020 upstream), CVE-2025-8941.

         -- Sam Hartman <hartmans@debian.org>  Sun, 10 Aug 2025 09:54:02 -0600

        pam (1.5.2-6+deb12u1) bookworm; urgency=medium

          * Fix CVE-2024-0001.

         -- Sam Hartman <hartmans@debian.org>  Sun, 10 Aug 2024 09:54:02 -0600

        Old Changelog:
        this is not an entry
        """;

    [Test]
    public void EntriesAfter_TheInstalledVersion_AreTheNewerOnesWithTheirCves()
    {
        var entries = DebianChangelog.EntriesAfter(new StringReader(Pam), DebianVersion.Parse("1.5.2-6+deb12u1"), "pam");

        Assert.That(entries.Select(e => e.Version.Text), Is.EqualTo(new[] { "1.5.2-6+deb12u3", "1.5.2-6+deb12u2" }));
        Assert.That(entries[0].Cves, Is.EqualTo(new[] { "CVE-2024-22365", "CVE-2025-6020" }));
        Assert.That(entries[1].Cves, Is.EqualTo(new[] { "CVE-2025-6020", "CVE-2025-8941" }), "each id once, in the order named");
        Assert.That((entries[0].Source, entries[0].Distributions), Is.EqualTo(("pam", "bookworm-security")));
    }

    [Test]
    public void EntriesAfter_TheNewestVersion_IsEmpty() =>
        Assert.That(DebianChangelog.EntriesAfter(new StringReader(Pam), DebianVersion.Parse("1.5.2-6+deb12u3"), "pam"), Is.Empty);

    [Test]
    public void EntriesAfter_AnOlderVersion_StopsAtTheFirstLineThatIsNoEntry()
    {
        var entries = DebianChangelog.EntriesAfter(new StringReader(Pam), DebianVersion.Parse("1.0-1"), "pam");

        Assert.That(entries, Has.Count.EqualTo(3));
        Assert.That(entries[2].Cves, Is.EqualTo(new[] { "CVE-2024-0001" }));
    }

    [Test]
    public void EntriesAfter_Gzip_IsRead()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Pam));
        }

        compressed.Position = 0;
        var entries = DebianChangelog.EntriesAfter(compressed, DebianVersion.Parse("1.5.2-6+deb12u2"), "pam");

        Assert.That(entries.Single().Cves, Has.Count.EqualTo(2));
    }

    [Test]
    public void EntriesAfter_NotAChangelog_NamesTheLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => DebianChangelog.EntriesAfter(new StringReader("<html>\n"), DebianVersion.Parse("1.0"), "x.deb:changelog"));
        Assert.That(error!.Message, Does.StartWith("x.deb:changelog:1: '<html>' is not a changelog entry's first line"));
    }

    [Test]
    public void EntriesAfter_ABadVersionInAHeader_IsRefused()
    {
        var error = Assert.Throws<InvalidDataException>(() => DebianChangelog.EntriesAfter(new StringReader("pam (x.y) bookworm; urgency=low\n"), DebianVersion.Parse("1.0"), "pam"));
        Assert.That(error!.Message, Does.Contain("'x.y' is not a Debian version"));
    }

    [Test]
    public void EntriesAfter_AnOverlongLine_IsRefused()
    {
        var text = "pam (2.0) bookworm; urgency=low\n\n  * " + new string('x', DebianChangelog.MaxLineLength + 1) + "\n";
        var error = Assert.Throws<InvalidDataException>(() => DebianChangelog.EntriesAfter(new StringReader(text), DebianVersion.Parse("1.0"), "pam"));
        Assert.That(error!.Message, Does.Contain("the longest read is"));
    }

    [Test]
    public void EntriesAfter_AGzipBomb_StopsAtTheDecompressedBound()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("pam (2.0) bookworm; urgency=low\n\n"));
            var line = Encoding.UTF8.GetBytes("  * " + new string('y', 1000) + "\n");
            for (long written = 0; written <= DebianChangelog.MaxDecompressedBytes; written += line.Length)
            {
                gzip.Write(line);
            }
        }

        compressed.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => DebianChangelog.EntriesAfter(compressed, DebianVersion.Parse("1.0"), "bomb"));
        Assert.That(error!.Message, Does.Contain("larger than " + DebianChangelog.MaxDecompressedBytes));
    }
}
