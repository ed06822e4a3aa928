using System.Formats.Tar;
using System.IO.Compression;
using ManageIQ.OpenScap.Testing;
using ZstdSharp;

namespace ManageIQ.OpenScap.Vex.Tests;

/// <summary>A feed as one document, a directory laid out by year, and tar archives (plain, gzip, zstd), and what is refused.</summary>
public class VexFeedReaderTests
{
    private static readonly string[] Documents =
    [
        RhelProducts.Document("CVE-2026-2001").Fixed(RhelProducts.Rhel10, "zlib", "1.3.1-2.el10").ToJson(),
        RhelProducts.Document("CVE-2025-2002").Fixed(RhelProducts.Rhel10, "bash", "5.2.26-6.el10").ToJson(),
    ];

    [Test]
    public void Read_Directory_ReadsEveryJsonBelowIt()
    {
        using var directory = new TempDirectory();
        WriteTree(directory.Combine("feed"));

        var index = VexFeedReader.Read(directory.Combine("feed"), new VexOptions(), CancellationToken.None);

        Assert.That(index.Documents, Is.EqualTo(2));
        Assert.That(index.Statements.Select(s => s.Name), Is.EqualTo(new[] { "bash", "zlib" }), "2025/ sorts before 2026/");
    }

    [TestCase("tar")]
    [TestCase("gzip")]
    [TestCase("zstd")]
    public void Read_TarArchive_ReadsItsJsonMembersAndSkipsTheRest(string compression)
    {
        using var directory = new TempDirectory();
        var archive = directory.Combine("csaf_vex.tar." + compression);
        WriteTar(archive, compression, [("2026/cve-2026-2001.json", Documents[0]), ("index.txt", "2026/cve-2026-2001.json\n"), ("2025/cve-2025-2002.json", Documents[1])]);

        var index = VexFeedReader.Read(archive, new VexOptions(), CancellationToken.None);

        Assert.That(index.Documents, Is.EqualTo(2));
        Assert.That(index.Statements.Select(s => s.Name), Is.EqualTo(new[] { "zlib", "bash" }));
    }

    [Test]
    public void Read_SingleDocument_IsAFeedOfOne()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.Combine("cve-2026-2001.json"), Documents[0]);

        Assert.That(VexFeedReader.Read(directory.Combine("cve-2026-2001.json"), new VexOptions(), CancellationToken.None).Documents, Is.EqualTo(1));
    }

    [Test]
    public void Read_Garbage_IsNeitherJsonNorTar()
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(directory.Combine("feed.bin"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 13))]);

        var e = Assert.Throws<VexFormatException>(() => VexFeedReader.Read(directory.Combine("feed.bin"), new VexOptions(), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("is neither a CSAF JSON document nor a tar archive"));
    }

    [Test]
    public void Read_TruncatedArchive_IsNotReadable()
    {
        using var directory = new TempDirectory();
        var archive = directory.Combine("feed.tar.gz");
        WriteTar(archive, "gzip", [("a.json", Documents[0]), ("b.json", Documents[1])]);
        var bytes = File.ReadAllBytes(archive);
        File.WriteAllBytes(archive, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<VexFormatException>(() => VexFeedReader.Read(archive, new VexOptions(), CancellationToken.None));

        Assert.That(e!.Message, Does.StartWith($"The VEX feed {archive} is not a readable tar archive"));
    }

    [Test]
    public void Read_DocumentOverTheLimit_NamesTheMemberAndKey()
    {
        using var directory = new TempDirectory();
        var archive = directory.Combine("feed.tar");
        WriteTar(archive, "tar", [("big.json", Documents[0] + new string(' ', 4096))]);

        var e = Assert.Throws<VexFormatException>(() => VexFeedReader.Read(archive, new VexOptions { MaxDocumentBytes = 2048 }, CancellationToken.None));

        Assert.That(e!.Message, Does.StartWith("feed.tar:big.json has"));
        Assert.That(e.Message, Does.Contain("Vex:MaxDocumentBytes"));
    }

    [Test]
    public void Read_MoreDocumentsThanTheLimit_NamesTheKey()
    {
        using var directory = new TempDirectory();
        WriteTree(directory.Combine("feed"));

        var e = Assert.Throws<VexFormatException>(() => VexFeedReader.Read(directory.Combine("feed"), new VexOptions { MaxDocuments = 1 }, CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("more than 1 documents (Vex:MaxDocuments)"));
    }

    [Test]
    public void Read_MoreBytesThanTheLimit_NamesTheKey()
    {
        using var directory = new TempDirectory();
        var archive = directory.Combine("feed.tar.zstd");
        WriteTar(archive, "zstd", [("a.json", Documents[0]), ("b.json", Documents[1]), ("padding.bin", new string('x', 8192))]);

        var e = Assert.Throws<VexFormatException>(() => VexFeedReader.Read(archive, new VexOptions { MaxTotalBytes = Documents[0].Length + 100 }, CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("(Vex:MaxTotalBytes), reached at b.json"));
    }

    [Test]
    public void Read_EmptyDirectory_HoldsNoDocument()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.Combine("feed"));

        var e = Assert.Throws<VexFormatException>(() => VexFeedReader.Read(directory.Combine("feed"), new VexOptions(), CancellationToken.None));

        Assert.That(e!.Message, Does.EndWith("holds no .json document."));
    }

    internal static void WriteTree(string feed)
    {
        Directory.CreateDirectory(Path.Combine(feed, "2026"));
        Directory.CreateDirectory(Path.Combine(feed, "2025"));
        File.WriteAllText(Path.Combine(feed, "2026", "cve-2026-2001.json"), Documents[0]);
        File.WriteAllText(Path.Combine(feed, "2025", "cve-2025-2002.json"), Documents[1]);
        File.WriteAllText(Path.Combine(feed, "changes.csv"), "\"2026/cve-2026-2001.json\",\"2026-01-06T00:00:00+00:00\"\n");
    }

    internal static void WriteTar(string path, string compression, IEnumerable<(string Name, string Text)> members)
    {
        using var file = File.Create(path);
        using Stream stream = compression switch
        {
            "gzip" => new GZipStream(file, CompressionLevel.Fastest),
            "zstd" => new CompressionStream(file),
            _ => new BufferedStream(file),
        };
        using var tar = new TarWriter(stream, TarEntryFormat.Pax);
        foreach (var (name, text) in members)
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)) });
        }
    }
}
