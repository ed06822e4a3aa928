using ManageIQ.OpenScap.Demo.Apt;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Demo.Tests.Apt;

/// <summary>The machine's apt sources, read in both formats, and the suite the demo needs found or named as missing.</summary>
public sealed class MachineAptSourcesTests
{
    [Test]
    public void Read_Deb822AndOneLineFiles_GiveOneSourcePerSuite()
    {
        using var etc = new TempDirectory();
        Directory.CreateDirectory(etc.Combine("sources.list.d"));
        File.WriteAllText(etc.Combine("sources.list.d", "debian.sources"), """
            Types: deb
            URIs: http://mirror.test/debian
            Suites: bookworm bookworm-updates
            Components: main
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

            Types: deb deb-src
            URIs: http://mirror.test/debian-security
            Suites: bookworm-security
            Components: main contrib

            Types: deb
            URIs: http://disabled.test/
            Suites: trixie
            Components: main
            Enabled: no

            Types: deb-src
            URIs: http://sources.test/
            Suites: sid
            Components: main
            """);
        File.WriteAllText(etc.Combine("sources.list.d", "extra.list"), "# a comment\ndeb [arch=amd64 signed-by=/k.gpg] http://extra.test/ stable main # trailing\ndeb-src http://extra.test/ stable main\n");
        File.WriteAllText(etc.Combine("sources.list.d", "old.list.disabled"), "deb http://ignored.test/ bullseye main\n");

        var sources = MachineAptSources.Read(etc.Path);

        Assert.That(sources.Select(s => (s.Uri, s.Suite)), Is.EqualTo(new[]
        {
            ("http://mirror.test/debian", "bookworm"),
            ("http://mirror.test/debian", "bookworm-updates"),
            ("http://mirror.test/debian-security", "bookworm-security"),
            ("http://extra.test/", "stable"),
        }));
        var security = MachineAptSources.Find(sources, "bookworm-security", etc.Path);
        Assert.That(security.Components, Is.EqualTo(new[] { "main", "contrib" }));
        Assert.That(sources[0].ToListLine(), Is.EqualTo("deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.test/debian bookworm main"));
        Assert.That(sources[3].SignedBy, Is.EqualTo("/k.gpg"));
    }

    [Test]
    public void Find_AMissingSuite_NamesItAndTheSuitesFound()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MachineAptSources.Find([new AptSource("http://m.test/", "trixie", ["main"])], "bookworm-security", "/etc/apt"));
        Assert.That(error!.Message, Does.StartWith("No apt source of the suite bookworm-security in /etc/apt/sources.list or /etc/apt/sources.list.d (suites found: trixie)."));
    }

    [Test]
    public void ToDeb822_AFlatTrustedRepository_HasNoComponents() =>
        Assert.That(new AptSource("http://127.0.0.1:1/", "./", []) { Trusted = true }.ToDeb822(), Is.EqualTo("Types: deb\nURIs: http://127.0.0.1:1/\nSuites: ./\nTrusted: yes\n"));

    [Test]
    public void ParseMadison_KeepsPackageLinesOnly()
    {
        var lines = PrivateApt.ParseMadison("   zlib1g | 1:1.2.13.dfsg-1+deb12u1 | http://127.0.0.1:1 ./ Packages\n      bash | 5.2.15-2+b7 | http://127.0.0.1:1 ./ Sources\nnonsense\n").ToList();

        Assert.That(lines.Select(l => (l.Name, l.Version.Text)), Is.EqualTo(new[] { ("zlib1g", "1:1.2.13.dfsg-1+deb12u1") }));
    }
}
