using System.Formats.Tar;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Scanner.Scanning;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZstdSharp;

namespace ManageIQ.OpenScap.Scanner.Tests.Scanning;

/// <summary>
/// RHEL 10 has no OVAL: a RHEL 10 RPM root made with Debian's rpm tools (openssl and its openssl-libs subpackage
/// vulnerable, zlib fixed), scanned by the real oscap as root with OVAL converted from CSAF VEX documents written
/// here: Red Hat's archive_latest.txt and tar.zst through a mirror, or a provider's URL over HTTP.
/// </summary>
[CancelAfter(180_000)]
public class RhelVexScanTests
{
    private const string Image = "127.0.0.1:5000/test/ubi:10";
    private const string RedHatVexBase = "https://security.access.redhat.com/data/csaf/v2/vex/";
    private const string Rhel10 = "BaseOS-10.0.Z";

    [Test]
    public async Task ScanAsync_DefaultMapThroughAMirror_FindsTheVulnerableSourcesBinariesAndNotTheFixedOne()
    {
        RequireRoot();
        using var directory = new TempDirectory();
        var mirror = Directory.CreateDirectory(directory.Combine("mirror")).FullName;
        WriteArchive(Path.Combine(mirror, "csaf_vex_2026-12-01.tar.zst"), Documents());
        File.WriteAllText(Path.Combine(mirror, VexFeedPreparer.LatestPointer), "csaf_vex_2026-12-01.tar.zst\n");

        var result = await ScanAsync(directory, cveFeed: null, o => o.Mirrors = [new CveFeedMirror { From = RedHatVexBase, To = mirror + "/" }]);

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Completed), result.ErrorMessage);
        Assert.That(result.Summary!.Cves, Is.EqualTo(new[] { new Scap.ScapCve("CVE-2026-4001", Scap.ScapSeverity.High) }), "openssl 1:3.2.2-16 is older than the fix; zlib 1.3.1-3 is newer than its fix; bash's CVE has no fix");
        Assert.That(result.Content!.CveFeed, Is.EqualTo(DefaultDistributionContent.RedHatVex));
        Assert.That(result.Content.CveFeedMode, Is.EqualTo(CveFeedUse.OvalEvalMode));
        var oval = File.ReadAllText(result.Artifacts.CveOvalResults!);
        Assert.That(oval, Does.Contain("openssl-libs (from openssl) is earlier than 1:3.2.2-17.el10"), "the subpackage is tested through its SOURCERPM");
        Assert.That(oval, Does.Contain("rpminfo_item"));
        Assert.That(result.Notes, Has.Some.StartsWith("CVE feed: CSAF VEX " + RedHatVexBase + "csaf_vex_2026-12-01.tar.zst (3 documents"));
    }

    [Test]
    public async Task ScanAsync_ProviderPointerUrlOverHttp_SecondScanRevalidatesBothAndReusesTheIndex()
    {
        RequireRoot();
        using var directory = new TempDirectory();
        var archive = directory.Combine("feed.tar.zst");
        await using var server = await PointerServerAsync(archive, "csaf_vex_2026-12-02.tar.zst");
        var url = server.FeedUri(VexFeedPreparer.LatestPointer).ToString();

        var first = await ScanAsync(directory, url, null);
        var second = await ScanAsync(directory, url, null);

        Assert.That(first.Outcome, Is.EqualTo(ScanOutcome.Completed), first.ErrorMessage);
        Assert.That(second.Summary!.Cves.Select(c => c.Id), Is.EqualTo(new[] { "CVE-2026-4001" }));
        Assert.That(server.Requests.Select(r => r.Status), Is.EqualTo(new[] { 200, 200, 304, 304 }), "the pointer, then the archive, each revalidated");
        Assert.That(Directory.GetFiles(directory.Combine("cve-cache/vex-index"), "vex-index-*"), Has.Length.EqualTo(1));
        Assert.That(second.Content!.CveFeed, Is.EqualTo(url));
        Assert.That(second.Content.CveFeedVersion, Does.StartWith("\"archive_latest.txt-"), "versioned by the pointer, which is what discovery's prediction reads");
        Assert.That(second.Notes, Has.Some.Contains("csaf_vex_2026-12-02.tar.zst (3 documents"));
    }

    [Test]
    public async Task ScanAsync_Rhel8BerkeleyDbWithRhelVexVersionsAndADirectoryFeed_FindsTheSubpackageOfTheVulnerableSource()
    {
        RequireRoot();
        using var directory = new TempDirectory();
        var root = directory.Combine("rootfs");
        SyntheticRpmRoot.Write(root, directory.Combine("rpmbuild"), [new("bind", "9.11.36", "16.el8_10.2", Epoch: 32, SubPackages: ["bind-libs"]), new("zlib", "1.2.11", "25.el8")], versionId: "8.10");
        RpmBerkeleyDb.Convert(root);
        var mirror = Directory.CreateDirectory(directory.Combine("mirror/2026")).FullName;
        var rhel8 = new CsafVexDocument("CVE-2026-4101", "Important").Product("AppStream-8.10.0.Z.MAIN", "Red Hat Enterprise Linux AppStream (v. 8)", "cpe:/a:redhat:enterprise_linux:8::appstream");
        File.WriteAllText(Path.Combine(mirror, "cve-2026-4101.json"), rhel8.Fixed("AppStream-8.10.0.Z.MAIN", "bind", "9.11.36-16.el8_10.4", epoch: 32).ToJson());

        var result = await ScanAsync(directory, directory.Combine("mirror"), null, rhelVexVersions: ["8"]);

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Completed), result.ErrorMessage);
        Assert.That(result.Summary!.Cves.Select(c => c.Id), Is.EqualTo(new[] { "CVE-2026-4101" }));
        Assert.That(File.ReadAllText(result.Artifacts.CveOvalResults!), Does.Contain("bind-libs (from bind) is earlier than 32:9.11.36-16.el8_10.4"));
    }

    [Test]
    public async Task ScanAsync_PointerNamesANewArchive_TheOlderCachedArchiveIsDeleted()
    {
        RequireRoot();
        using var directory = new TempDirectory();
        var archive = directory.Combine("feed.tar.zst");
        await using var server = await PointerServerAsync(archive, "csaf_vex_2026-12-01.tar.zst");
        var url = server.FeedUri(VexFeedPreparer.LatestPointer).ToString();
        await ScanAsync(directory, url, null);
        var cached = Directory.GetFiles(directory.Combine("cve-cache"), "*.feed").Length;
        WriteArchive(archive, [.. Documents(), ("2026/cve-2026-4004.json", Rhel("CVE-2026-4004", "Moderate").Fixed(Rhel10, "zlib", "1.3.1-4.el10").ToJson())]);
        server.Files[VexFeedPreparer.LatestPointer] = "csaf_vex_2026-12-02.tar.zst\n"u8.ToArray();
        server.Files["csaf_vex_2026-12-02.tar.zst"] = File.ReadAllBytes(archive);

        var next = await ScanAsync(directory, url, null);

        Assert.That(next.Summary!.Cves.Select(c => c.Id), Is.EqualTo(new[] { "CVE-2026-4001", "CVE-2026-4004" }), "the new archive's zlib fix is newer than the image's");
        Assert.That((cached, Directory.GetFiles(directory.Combine("cve-cache"), "*.feed").Length), Is.EqualTo((2, 2)), "the pointer and one archive");
        Assert.That(Directory.GetFiles(directory.Combine("cve-cache/vex-index"), "vex-index-*"), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task ScanAsync_ProviderBaseUrl_GetsThePointerNameAppended()
    {
        RequireRoot();
        using var directory = new TempDirectory();
        var archive = directory.Combine("feed.tar.zst");
        WriteArchive(archive, Documents());
        await using var server = await FeedServer.StartAsync([]);
        server.Files[VexFeedPreparer.LatestPointer] = "csaf_vex_2026-12-02.tar.zst\n"u8.ToArray();
        server.Files["csaf_vex_2026-12-02.tar.zst"] = File.ReadAllBytes(archive);

        var result = await ScanAsync(directory, server.FeedUri(string.Empty).ToString(), null);

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Completed), result.ErrorMessage);
        Assert.That(result.Summary!.Cves.Select(c => c.Id), Is.EqualTo(new[] { "CVE-2026-4001" }));
    }

    [TestCase("../../etc/passwd\n")]
    [TestCase("")]
    [TestCase("a.tar.zst\nb.tar.zst\n")]
    public async Task ScanAsync_PointerNamingNoPlainFile_IsAnError(string pointerText)
    {
        RequireRoot();
        using var directory = new TempDirectory();
        var mirror = Directory.CreateDirectory(directory.Combine("mirror")).FullName;
        File.WriteAllText(Path.Combine(mirror, VexFeedPreparer.LatestPointer), pointerText);

        var result = await ScanAsync(directory, Path.Combine(mirror, VexFeedPreparer.LatestPointer), null);

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Failed));
        Assert.That(result.ErrorMessage, Does.EndWith("archive_latest.txt does not name an archive file (one line, a plain file name, at most 1024 bytes)."));
    }

    [Test]
    public async Task ScanAsync_HostileVexDocument_IsAnErrorNamingTheDocumentAndField()
    {
        RequireRoot();
        using var directory = new TempDirectory();
        var feed = Directory.CreateDirectory(directory.Combine("vex")).FullName;
        File.WriteAllText(Path.Combine(feed, "cve-2026-4009.json"), Documents()[0].Text.Replace("\"fixed\": [", "\"fixed\": [ 12,", StringComparison.Ordinal));

        var result = await ScanAsync(directory, feed, null);

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.Failed));
        Assert.That(result.ErrorMessage, Does.Contain("cve-2026-4009.json: vulnerabilities[0].product_status.fixed[0] is a number, not a product id."));
    }

    private static (string Name, string Text)[] Documents() =>
    [
        ("2026/cve-2026-4001.json", Rhel("CVE-2026-4001", "Important").Fixed(Rhel10, "openssl", "3.2.2-17.el10", epoch: 1).ToJson()),
        ("2026/cve-2026-4002.json", Rhel("CVE-2026-4002", "Moderate").Fixed(Rhel10, "zlib", "1.3.1-2.el10").ToJson()),
        ("2026/cve-2026-4003.json", Rhel("CVE-2026-4003", "Low").Affected("red_hat_enterprise_linux_10", "bash").ToJson()),
    ];

    private static CsafVexDocument Rhel(string cve, string severity) => new CsafVexDocument(cve, severity)
        .Product(Rhel10, "Red Hat Enterprise Linux BaseOS (v. 10)", "cpe:/o:redhat:enterprise_linux:10.0::baseos")
        .Product("red_hat_enterprise_linux_10", "Red Hat Enterprise Linux 10", "cpe:/o:redhat:enterprise_linux:10");

    /// <summary>Red Hat's layout on a loopback server: the pointer naming <paramref name="name"/>, and the archive of <see cref="Documents"/> under that name (also written to <paramref name="archive"/>).</summary>
    private static async Task<FeedServer> PointerServerAsync(string archive, string name)
    {
        WriteArchive(archive, Documents());
        var server = await FeedServer.StartAsync([]);
        server.Files[VexFeedPreparer.LatestPointer] = System.Text.Encoding.ASCII.GetBytes(name + "\n");
        server.Files[name] = File.ReadAllBytes(archive);
        return server;
    }

    private static void WriteArchive(string path, IEnumerable<(string Name, string Text)> documents)
    {
        using var file = File.Create(path);
        using var zstd = new CompressionStream(file);
        using var tar = new TarWriter(zstd, TarEntryFormat.Pax);
        foreach (var (name, text) in documents)
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)) });
        }
    }

    private static void RequireRoot()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Ignore("an RPM image's scan needs chroot(), so root; RpmImageScanTests covers the capability-less error");
        }
    }

    private static async Task<ScanReport> ScanAsync(TempDirectory directory, string? cveFeed, Action<CveFeedOptions>? feeds, IReadOnlyList<string>? rhelVexVersions = null)
    {
        var root = directory.Combine("rootfs");
        if (!Directory.Exists(root))
        {
            SyntheticRpmRoot.Write(root, directory.Combine("rpmbuild"), [new("openssl", "3.2.2", "16.el10", Epoch: 1, SubPackages: ["openssl-libs"]), new("zlib", "1.3.1", "3.el10"), new("bash", "5.2.26", "6.el10")], versionId: "10.0");
        }

        var noContent = Directory.CreateDirectory(directory.Combine("no-content")).FullName;
        await using var services = ScannerServices.Build(directory, acquirer: RootScan.Acquirer(Image, root, 'e'), policy: CveFeedPolicy.Required, searchDirectories: [noContent], feeds: feeds);
        services.GetRequiredService<IOptions<ScapContentOptions>>().Value.RhelVexVersions = [.. rhelVexVersions ?? []];
        return await services.GetRequiredService<IImageScanner>().ScanAsync(RootScan.Request(Image, directory, cveFeed), null, CancellationToken.None);
    }
}
