using System.Xml;
using ManageIQ.OpenScap.Scap.Reading;

namespace ManageIQ.OpenScap.Scap.Tests.Reading;

public sealed class ProseReaderTests
{
    private const string Open = "<t xmlns=\"urn:x\" xmlns:h=\"http://www.w3.org/1999/xhtml\" xmlns:x=\"http://checklists.nist.gov/xccdf/1.2\">";

    [TestCase("  a \n\t  b  ", "a b")]
    [TestCase("line<h:br/>next", "line\nnext")]
    [TestCase("a<h:br/>\n  <h:br/><h:br/><h:br/>b", "a\n\nb")]
    [TestCase("Run:<h:pre>$ apt update\n  $ apt full-upgrade</h:pre>Then reboot.", "Run:\n\n$ apt update\n  $ apt full-upgrade\n\nThen reboot.")]
    [TestCase("<h:ul><h:li>one</h:li><h:li>two <h:code>x</h:code></h:li></h:ul>after", "\u2022 one\n\u2022 two x\n\nafter")]
    [TestCase("<h:p>first</h:p><h:p>second</h:p>", "first\n\nsecond")]
    [TestCase("a<h:code>b</h:code>c <x:sub idref=\"v\"/> d", "abc d")]
    [TestCase("<h:a href=\"https://example.invalid/\">link</h:a><h:img src=\"data:,x\"/>", "link")]
    [TestCase("<![CDATA[<script>x</script>]]> &amp; &lt;b&gt;", "<script>x</script> & <b>")]
    [TestCase("<h:br/>  <h:p/>", "")]
    public void Read_XhtmlProse_GivesPlainTextWithStructuralLineBreaks(string inner, string expected)
    {
        Assert.That(Read(inner, keep: 10_000), Is.EqualTo(expected));
    }

    [Test]
    public void Read_TextLongerThanKeep_IsCutWithAnEllipsis()
    {
        Assert.That(Read("abcdef  ghij", keep: 7), Is.EqualTo("abcdef\u2026"));
    }

    [Test]
    public void Read_TextLongerThanMaxLength_IsRefused()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Read(new string('x', 5000), keep: 10, maxLength: 4096));

        Assert.That(ex!.Message, Does.Contain("MaxTextLength"));
    }

    [Test]
    public void Read_LeavesTheReaderOnTheNextNode()
    {
        using var reader = CreateReader($"<r>{Open}a<h:br/>b</t><after/></r>");
        reader.Read();
        var prose = new ProseReader(64, 4096, reason => new InvalidDataException(reason));

        var text = prose.Read(reader, 100);

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo("a\nb"));
            Assert.That(reader.LocalName, Is.EqualTo("after"));
        });
    }

    private static string Read(string inner, int keep, int maxLength = 1 << 20)
    {
        using var reader = CreateReader($"{Open}{inner}</t>");
        var prose = new ProseReader(64, maxLength, reason => new InvalidDataException(reason));
        return prose.Read(reader, keep);
    }

    private static XmlReader CreateReader(string xml)
    {
        var reader = XmlReader.Create(new StringReader(xml), ScapDocumentParser.ReaderSettings(new NameTable()));
        reader.MoveToContent();
        return reader;
    }
}
