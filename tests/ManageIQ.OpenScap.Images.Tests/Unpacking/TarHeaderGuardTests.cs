using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using ManageIQ.OpenScap.Images.Unpacking;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Unpacking;

/// <summary>
/// The guard in front of the tar reader: valid archives read exactly as without it, however the
/// bytes arrive, and an oversized metadata record is refused before the reader has its whole header.
/// </summary>
public class TarHeaderGuardTests
{
    private const int Limit = 4096;

    private static readonly string LongName = string.Concat(Enumerable.Repeat("a-long-directory-name/", 12)) + "file";

    [Test]
    public void Read_ValidArchivesInAnyChunking_ReadAsTheTarReaderAloneReadsThem(
        [Values(1, 7, 511, 512, 513, 65536)] int chunk,
        [Values("pax", "gnu", "ustar", "pax-size-record", "pax-size-padded-after-records", "base256-size", "gnu-then-pax")] string archive)
    {
        var tar = Archive(archive);

        var guarded = Entries(new TarHeaderGuard(new ChunkedReadStream(tar, chunk), Limit));

        Assert.That(guarded, Is.EqualTo(Entries(new ChunkedReadStream(tar, tar.Length))));
        Assert.That(guarded, Has.Count.GreaterThanOrEqualTo(2));
    }

    [TestCase('x')]
    [TestCase('g')]
    [TestCase('L')]
    [TestCase('K')]
    public void Read_RecordOverTheLimit_RefusedAtTheHeadersLastByte(char type)
    {
        var tar = new RawTar().File("first", "1").Header("meta", type, Limit + 1).Data(new byte[Limit + 1]).ToArray();
        using var guard = new TarHeaderGuard(new ChunkedReadStream(tar, 1), Limit);
        var handedOut = 0;
        var one = new byte[1];

        var ex = Assert.Throws<LayerException>(() =>
        {
            while (guard.Read(one) == 1)
            {
                handedOut++;
            }
        });

        Assert.That(ex!.Failure, Is.EqualTo(ImageAcquisitionFailure.LimitExceeded));
        Assert.That(ex.Message, Does.Contain($"{Limit + 1} bytes is larger than {Limit} bytes (limit MaxHeaderRecordBytes)"));
        Assert.That(handedOut, Is.EqualTo((2 * RawTar.BlockSize) + RawTar.BlockSize - 1), "the second header's last byte never reaches the reader");
    }

    [Test]
    public void Read_RecordAtTheLimit_Passes()
    {
        var name = Encoding.ASCII.GetBytes(new string('n', 200) + "/" + new string('m', Limit - 201));
        var tar = new RawTar().Entry("././@LongLink", 'L', name).File("short", "content").ToArray();

        var entries = Entries(new TarHeaderGuard(new ChunkedReadStream(tar, 100), Limit));

        Assert.That(entries, Has.Count.EqualTo(1));
        Assert.That(entries[0], Does.StartWith($"RegularFile {Encoding.ASCII.GetString(name)} 7 "));
    }

    /// <summary>What the tar reader makes of <paramref name="stream"/>: type, name, link, length and content hash of each entry.</summary>
    private static List<string> Entries(Stream stream)
    {
        using (stream)
        using (var reader = new TarReader(stream))
        {
            var entries = new List<string>();
            while (reader.GetNextEntry() is { } entry)
            {
                var hash = entry.DataStream is { } data ? Convert.ToHexString(SHA256.HashData(data)) : "-";
                entries.Add($"{entry.EntryType} {entry.Name} {entry.Length} {entry.LinkName} {hash}");
            }

            return entries;
        }
    }

    private static byte[] Archive(string kind) => kind switch
    {
        "pax" => Written(TarEntryFormat.Pax),
        "gnu" => Written(TarEntryFormat.Gnu),
        "ustar" => new TestLayer().Directory("etc").File("etc/hostname", "box\n").Symlink("etc/localtime", "/usr/share/zoneinfo/UTC").ToTar(),
        // The size record (700) wins over the header's size field (0); 700 is not a multiple of 512.
        "pax-size-record" => new RawTar().Pax(("size", "700"), ("path", LongName)).Header("short", '0', 0).Data(Filled(700)).File("after", "a").ToArray(),
        // long.Parse, as the reader uses, takes blanks and a sign around the digits.
        "pax-size-padded-after-records" => new RawTar().Pax(("mtime", "1700000000.5"), ("size", " +700 ")).Header("short", '0', 0).Data(Filled(700)).File("after", "a").ToArray(),
        "base256-size" => new RawTar().Header("binary-size", '0', RawTar.Base256Size(1000)).Data(Filled(1000)).File("after", "a").ToArray(),
        // After a GNU long name an 'x' is an entry of its own: its size record must not apply to the next file.
        "gnu-then-pax" => new RawTar().Entry("././@LongLink", 'L', Encoding.ASCII.GetBytes(LongName)).Pax(("size", "3")).Entry("next", '0', Filled(1300)).File("after", "a").ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Long names and link targets (PAX records or GNU 'L'/'K' records), a directory, data across blocks.</summary>
    private static byte[] Written(TarEntryFormat format)
    {
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, format, leaveOpen: true))
        {
            writer.WriteEntry(Entry(format, TarEntryType.Directory, "etc/"));
            var file = Entry(format, TarEntryType.RegularFile, LongName);
            file.DataStream = new MemoryStream(Filled(1500));
            writer.WriteEntry(file);
            var link = Entry(format, TarEntryType.SymbolicLink, "link");
            link.LinkName = "/" + LongName;
            writer.WriteEntry(link);
            var hardLink = Entry(format, TarEntryType.HardLink, LongName + "-hard");
            hardLink.LinkName = LongName;
            writer.WriteEntry(hardLink);
        }

        return output.ToArray();
    }

    private static TarEntry Entry(TarEntryFormat format, TarEntryType type, string name) =>
        format == TarEntryFormat.Gnu ? new GnuTarEntry(type, name) : new PaxTarEntry(type, name);

    private static byte[] Filled(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i % 251))];
}
