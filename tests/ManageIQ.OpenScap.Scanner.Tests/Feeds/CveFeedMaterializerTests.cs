using System.IO.Compression;
using System.Text;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Scanner.Tests.Feeds;

public class CveFeedMaterializerTests
{
    private const string Xml = "<oval_definitions/>";

    [Test]
    public async Task MaterializeAsync_Gzip_Decompresses()
    {
        using var directory = new TempDirectory();
        var source = directory.Combine("feed.xml.gz");
        await using (var gzip = new GZipStream(File.Create(source), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(Xml));
        }

        var target = directory.Combine("security-oval-oval-definitions-bookworm.xml.bz2");
        await CveFeedMaterializer.MaterializeAsync(source, target, 1 << 20, CancellationToken.None);
        Assert.That(File.ReadAllText(target), Is.EqualTo(Xml));
    }

    [Test]
    public async Task MaterializeAsync_PlainOrBzip2_CopiesAsIs()
    {
        using var directory = new TempDirectory();
        var source = directory.Combine("feed.bin");
        byte[] bzip2 = [(byte)'B', (byte)'Z', (byte)'h', 0x39, 1, 2, 3];
        await File.WriteAllBytesAsync(source, bzip2);
        var target = directory.Combine("out");
        await CveFeedMaterializer.MaterializeAsync(source, target, 1 << 20, CancellationToken.None);
        Assert.That(File.ReadAllBytes(target), Is.EqualTo(bzip2));
    }

    [Test]
    public async Task MaterializeAsync_GzipBomb_StopsAtTheLimit()
    {
        using var directory = new TempDirectory();
        var source = directory.Combine("bomb.gz");
        await using (var gzip = new GZipStream(File.Create(source), CompressionLevel.SmallestSize))
        {
            await gzip.WriteAsync(new byte[4 << 20]);
        }

        Assert.That(() => CveFeedMaterializer.MaterializeAsync(source, directory.Combine("out"), 1 << 20, CancellationToken.None),
            Throws.TypeOf<CveFeedException>().With.Message.Contains("decompresses to more than"));
    }
}
