using System.Net;
using System.Net.Sockets;
using System.Text;
using ManageIQ.OpenScap.Scap.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scap.Tests;

[CancelAfter(30_000)]
public sealed class HostileInputTests
{
    private const string ArfOpen = "<arf:asset-report-collection xmlns:arf=\"http://scap.nist.gov/schema/asset-reporting-format/1.1\">";
    private const string ArfClose = "</arf:asset-report-collection>";
    private const string Xccdf = "http://checklists.nist.gov/xccdf/1.2";

    [Test]
    public void SummarizeAsync_XxeLocalFile_IsRefusedWithoutReadingTheFile(CancellationToken cancellationToken)
    {
        var secret = Path.Combine(Path.GetTempPath(), $"miq-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        try
        {
            var xml = $"<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file://{secret}\">]>{ArfOpen}<arf:reports>&xxe;</arf:reports>{ArfClose}";

            var ex = ThrowsFormat(xml, cancellationToken);

            Assert.Multiple(() =>
            {
                Assert.That(ex.Message, Does.Contain("DTD"));
                Assert.That(ex.Message, Does.Not.Contain("TOP-SECRET"));
            });
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Test]
    public void SummarizeAsync_RemoteDtd_IsRefusedWithoutConnecting(CancellationToken cancellationToken)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var xml = $"<?xml version=\"1.0\"?><!DOCTYPE arf:asset-report-collection SYSTEM \"http://127.0.0.1:{port}/evil.dtd\">{ArfOpen}{ArfClose}";

            var ex = ThrowsFormat(xml, cancellationToken);

            Assert.Multiple(() =>
            {
                Assert.That(ex.Message, Does.Contain("DTD"));
                Assert.That(listener.Pending(), Is.False, "the reader connected to the DTD's address");
            });
        }
        finally
        {
            listener.Stop();
        }
    }

    [Test]
    public void SummarizeAsync_BillionLaughs_IsRefused(CancellationToken cancellationToken)
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE lolz [{entities}]><lolz>&lol9;</lolz>";

        Assert.That(ThrowsFormat(xml, cancellationToken).Message, Does.Contain("DTD"));
    }

    [Test]
    public void SummarizeAsync_DeepNesting_StopsAtMaxDepth(CancellationToken cancellationToken)
    {
        const int levels = 100_000;
        var xml = ArfOpen + string.Concat(Enumerable.Repeat("<x>", levels)) + string.Concat(Enumerable.Repeat("</x>", levels)) + ArfClose;

        Assert.That(ThrowsFormat(xml, cancellationToken).Message, Does.Contain("deeper than 256 levels"));
    }

    [Test]
    public void SummarizeAsync_NestingWithinConfiguredDepth_IsAccepted()
    {
        var reader = Reader(new ScapReaderOptions { MaxDepth = 20 });
        var xml = ArfOpen + "<a><b><c/></b></a>" + ArfClose;

        // Accepted as XML, then refused for what it is: an ARF without a TestResult.
        var ex = Assert.ThrowsAsync<ScapFormatException>(() => reader.SummarizeAsync(Utf8(xml), "nested.xml", CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("holds no XCCDF TestResult"));
    }

    [TestCase("")]
    public void SummarizeAsync_EmptyInput_SaysItIsEmpty(string xml, CancellationToken cancellationToken) =>
        Assert.That(ThrowsFormat(xml, cancellationToken).Message, Is.EqualTo("input.xml: the input is empty"));

    [Test]
    public void SummarizeAsync_WhitespaceOnly_HasNoRootElement(CancellationToken cancellationToken) =>
        Assert.That(ThrowsFormat("   \n\n  ", cancellationToken).Message, Does.Contain("Root element is missing"));

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void SummarizeAsync_BinaryGarbage_Throws(int seed, CancellationToken cancellationToken)
    {
        var bytes = new byte[4096];
        new Random(seed).NextBytes(bytes);

        var ex = Assert.ThrowsAsync<ScapFormatException>(() => new ScapResultReader().SummarizeAsync(new MemoryStream(bytes), "random.bin", cancellationToken));

        Assert.That(ex!.SourceName, Is.EqualTo("random.bin"));
    }

    [Test]
    public void SummarizeAsync_GarbageAfterGzipMagic_ThrowsNamingGzip(CancellationToken cancellationToken)
    {
        byte[] bytes = [0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c];

        var ex = Assert.ThrowsAsync<ScapFormatException>(() => new ScapResultReader().SummarizeAsync(new MemoryStream(bytes), "bad.gz", cancellationToken));

        Assert.That(ex!.Message, Does.Contain("gzip data is corrupt or truncated"));
    }

    [Test]
    public void SummarizeAsync_GarbageAfterBzip2Magic_ThrowsNamingBzip2(CancellationToken cancellationToken)
    {
        var bytes = "BZh91AY&SY"u8.ToArray().Concat(Enumerable.Range(0, 200).Select(i => (byte)(i * 7))).ToArray();

        var ex = Assert.ThrowsAsync<ScapFormatException>(() => new ScapResultReader().SummarizeAsync(new MemoryStream(bytes), "bad.bz2", cancellationToken));

        Assert.That(ex!.Message, Does.Contain("bzip2 data is corrupt or truncated"));
    }

    [TestCase("<html><body>not SCAP</body></html>", "<html>")]
    [TestCase("<Benchmark xmlns=\"http://checklists.nist.gov/xccdf/1.1\" id=\"b\"><Rule id=\"r\"/></Benchmark>", "holds no TestResult")]
    [TestCase("<ds:data-stream-collection xmlns:ds=\"http://scap.nist.gov/schema/scap/source/1.2\"/>", "SCAP content")]
    [TestCase("<oval_definitions xmlns=\"http://oval.mitre.org/XMLSchema/oval-definitions-5\"/>", "SCAP content")]
    [TestCase("<oval_results xmlns=\"http://oval.mitre.org/XMLSchema/oval-results-5\"/>", "no results/system")]
    [TestCase("<arf:asset-report-collection xmlns:arf=\"http://scap.nist.gov/schema/asset-reporting-format/1.1\"/>", "holds no XCCDF TestResult")]
    public void SummarizeAsync_NotAScapResult_SaysWhatItIs(string xml, string expected, CancellationToken cancellationToken) =>
        Assert.That(ThrowsFormat(xml, cancellationToken).Message, Does.Contain(expected));

    [Test]
    public void SummarizeAsync_UnknownResultValue_ThrowsWithLine(CancellationToken cancellationToken)
    {
        var xml = $"<TestResult xmlns=\"{Xccdf}\" id=\"t\">\n<rule-result idref=\"r1\"><result>pass</result></rule-result>\n<rule-result idref=\"r2\"><result>maybe</result></rule-result>\n</TestResult>";

        var ex = ThrowsFormat(xml, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain("'maybe' is not an XCCDF result value"));
            Assert.That(ex.LineNumber, Is.EqualTo(3));
        });
    }

    [Test]
    public void SummarizeAsync_UnknownOvalResultValue_Throws(CancellationToken cancellationToken)
    {
        var xml = "<oval_results xmlns=\"http://oval.mitre.org/XMLSchema/oval-results-5\"><results><system><definitions>" +
                  "<definition definition_id=\"oval:x:def:1\" result=\"perhaps\"/></definitions></system></results></oval_results>";

        Assert.That(ThrowsFormat(xml, cancellationToken).Message, Does.Contain("'perhaps' is not an OVAL result value"));
    }

    [Test]
    public async Task SummarizeAsync_UnknownAndMissingSeverity_CountAsUnknown(CancellationToken cancellationToken)
    {
        var xml = $"<TestResult xmlns=\"{Xccdf}\" id=\"t\">" +
                  "<rule-result idref=\"r1\" severity=\"catastrophic\"><result>fail</result></rule-result>" +
                  "<rule-result idref=\"r2\"><result>fail</result></rule-result>" +
                  "<rule-result idref=\"r3\" severity=\"high\"><result>fail</result></rule-result></TestResult>";

        var summary = await new ScapResultReader().SummarizeAsync(Utf8(xml), "t.xml", cancellationToken);

        Assert.That(summary.FailedBySeverity, Is.EqualTo(new ScapSeverityCounts(High: 1, Medium: 0, Low: 0, Info: 0, Unknown: 2)));
    }

    [Test]
    public void SummarizeAsync_RuleResultWithoutResult_Throws(CancellationToken cancellationToken)
    {
        var xml = $"<TestResult xmlns=\"{Xccdf}\" id=\"t\"><rule-result idref=\"r1\"/></TestResult>";

        Assert.That(ThrowsFormat(xml, cancellationToken).Message, Does.Contain("rule-result 'r1' has no result element"));
    }

    [Test]
    public void SummarizeAsync_TwoTestResults_AreRefused(CancellationToken cancellationToken)
    {
        var xml = $"<Benchmark xmlns=\"{Xccdf}\" id=\"b\"><TestResult id=\"t1\"/><TestResult id=\"t2\"/></Benchmark>";

        Assert.That(ThrowsFormat(xml, cancellationToken).Message, Does.Contain("more than one TestResult"));
    }

    [Test]
    public void SummarizeAsync_TrailingGarbage_Throws(CancellationToken cancellationToken)
    {
        var xml = $"<TestResult xmlns=\"{Xccdf}\" id=\"t\"/><second-root/>";

        Assert.That(ThrowsFormat(xml, cancellationToken).LineNumber, Is.EqualTo(1));
    }

    [Test]
    public void SummarizeAsync_DecompressedInputOverMaxInputBytes_Throws()
    {
        // A 20 MB comment compresses to a few kilobytes: the limit counts what the parser is fed.
        var xml = $"<TestResult xmlns=\"{Xccdf}\" id=\"t\"><!--{new string('a', 20_000_000)}--></TestResult>";
        var gzipped = Compress.Gzip(Encoding.UTF8.GetBytes(xml));
        var reader = Reader(new ScapReaderOptions { MaxInputBytes = 1_000_000 });

        var ex = Assert.ThrowsAsync<ScapFormatException>(() => reader.SummarizeAsync(new MemoryStream(gzipped), "bomb.gz", CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(gzipped, Has.Length.LessThan(100_000));
            Assert.That(ex!.Message, Does.Contain("exceeds the limit of 1000000 bytes"));
        });
    }

    [Test]
    public void SummarizeAsync_TextOverMaxTextLength_Throws()
    {
        var xml = $"<TestResult xmlns=\"{Xccdf}\" id=\"t\"><target>{new string('x', 500)}</target></TestResult>";
        var reader = Reader(new ScapReaderOptions { MaxTextLength = 100 });

        var ex = Assert.ThrowsAsync<ScapFormatException>(() => reader.SummarizeAsync(Utf8(xml), "long.xml", CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("longer than 100 characters"));
    }

    [Test]
    public void SummarizeAsync_HugeTextInReadElement_IsRefusedBeforeItIsHeld()
    {
        // The chunked read stops at the 1 Mi default instead of building the 5 M character string first.
        var xml = $"<TestResult xmlns=\"{Xccdf}\" id=\"t\"><target>{new string('x', 5_000_000)}</target></TestResult>";

        var ex = Assert.ThrowsAsync<ScapFormatException>(() => new ScapResultReader().SummarizeAsync(Utf8(xml), "huge.xml", CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("longer than 1048576 characters"));
    }

    [Test]
    public void SummarizeAsync_AttributeOverMaxTextLength_Throws()
    {
        var xml = $"<TestResult xmlns=\"{Xccdf}\" id=\"t\"><rule-result idref=\"{new string('r', 500)}\"><result>pass</result></rule-result></TestResult>";
        var reader = Reader(new ScapReaderOptions { MaxTextLength = 100 });

        var ex = Assert.ThrowsAsync<ScapFormatException>(() => reader.SummarizeAsync(Utf8(xml), "long.xml", CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("attribute 'idref' is longer than 100 characters"));
    }

    [Test]
    public void SummarizeAsync_MoreFailuresThanMaxFailedResults_Throws()
    {
        var failures = string.Concat(Enumerable.Range(0, 11).Select(i => $"<rule-result idref=\"r{i}\"><result>fail</result></rule-result>"));
        var xml = $"<TestResult xmlns=\"{Xccdf}\" id=\"t\">{failures}</TestResult>";
        var reader = Reader(new ScapReaderOptions { MaxFailedResults = 10 });

        var ex = Assert.ThrowsAsync<ScapFormatException>(() => reader.SummarizeAsync(Utf8(xml), "many.xml", CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("more than 10 failed results"));
    }

    [Test]
    public void SummarizeAsync_ZstdInput_IsNamedAsUnsupported(CancellationToken cancellationToken)
    {
        byte[] bytes = [0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x00, 0x00];

        var ex = Assert.ThrowsAsync<ScapFormatException>(() => new ScapResultReader().SummarizeAsync(new MemoryStream(bytes), "x.zst", cancellationToken));

        Assert.That(ex!.Message, Does.Contain("zstd"));
    }

    [Test]
    public void SummarizeAsync_CancelledToken_Stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(
            () => new ScapResultReader().SummarizeFileAsync(FixtureFiles.Path(FixtureFiles.MiniArf), cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    private static ScapFormatException ThrowsFormat(string xml, CancellationToken cancellationToken)
    {
        var ex = Assert.ThrowsAsync<ScapFormatException>(() => new ScapResultReader().SummarizeAsync(Utf8(xml), "input.xml", cancellationToken));
        Assert.That(ex!.SourceName, Is.EqualTo("input.xml"));
        return ex;
    }

    private static ScapResultReader Reader(ScapReaderOptions options) =>
        new(Options.Create(options), NullLogger<ScapResultReader>.Instance);

    private static MemoryStream Utf8(string xml) => new(Encoding.UTF8.GetBytes(xml));
}
